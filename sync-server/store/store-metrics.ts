/**
 * What the store reports about itself, injected by its host (upgrade.ts wires
 * the relay's registry in): the store imports nothing of the relay but types.
 */
export interface StoreMetrics {
	/** A gauge read on demand; returns its removal. */
	registerGauge(name: string, read: () => number): () => void;
	/** One document's log was merged into its snapshot. */
	countCompaction(): void;
}

/** A sink that records nothing (tests, tools). */
export const noStoreMetrics: StoreMetrics = {
	registerGauge: () => () => undefined,
	countCompaction: () => undefined
};
