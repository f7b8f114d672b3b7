/**
 * The relay's counters, read by the future /metrics endpoint. Plain module
 * state: only the relay bundle (build/server.js) imports it.
 */

/** Upper bounds (ms) of the persist-latency histogram buckets. */
export const PERSIST_BUCKETS_MS = [1, 2, 5, 10, 20, 50, 100, 250, 1000] as const;

export type RejectReason = 'malformed' | 'tooBig' | 'docTooBig' | 'readOnly' | 'unauthenticated' | 'unknownDoc';

export const metrics = {
	openConnections: 0,
	loadedDocs: 0,
	updatesPersisted: 0,
	bytesPersisted: 0,
	compactions: 0,
	/** Counts per bucket of PERSIST_BUCKETS_MS, plus one overflow bucket at the end. */
	persistLatencyBuckets: new Array<number>(PERSIST_BUCKETS_MS.length + 1).fill(0),
	persistLatencySumMs: 0,
	rejected: {} as Partial<Record<RejectReason, number>>
};

/** Records the time one update waited between arrival and commit. */
export function observePersistLatency(ms: number): void {
	let i = PERSIST_BUCKETS_MS.findIndex((bound) => ms <= bound);
	if (i < 0) i = PERSIST_BUCKETS_MS.length;
	metrics.persistLatencyBuckets[i]++;
	metrics.persistLatencySumMs += ms;
}

/** Counts one refused message or connection. */
export function countRejected(reason: RejectReason): void {
	metrics.rejected[reason] = (metrics.rejected[reason] ?? 0) + 1;
}
