/**
 * The relay's counters and gauges, served by `GET /metrics` (metrics-route.ts).
 * Plain module state: only the relay bundle (build/server.js) imports it.
 */

/** Upper bounds (ms) of the persist-latency histogram buckets. */
export const PERSIST_BUCKETS_MS = [1, 2, 5, 10, 20, 50, 100, 250, 1000] as const;

export type RejectReason = 'malformed' | 'tooBig' | 'docTooBig' | 'readOnly' | 'unauthenticated' | 'forbidden' | 'unknownDoc'
	| 'integrity' | 'quota' | 'presence' | 'syncInFlight' | 'slowReader' | 'overBudget';

export const metrics = {
	openConnections: 0,
	loadedDocs: 0,
	updatesPersisted: 0,
	bytesPersisted: 0,
	compactions: 0,
	/** Updates merged into broadcast frames (each should be merged once, however it is broadcast). */
	mergedUpdates: 0,
	/** Counts per bucket of PERSIST_BUCKETS_MS, plus one overflow bucket at the end. */
	persistLatencyBuckets: new Array<number>(PERSIST_BUCKETS_MS.length + 1).fill(0),
	persistLatencySumMs: 0,
	rejected: {} as Partial<Record<RejectReason, number>>
};

/**
 * Gauges read on demand from the structures that hold per-document state
 * (sockets, fan-out subscriptions, store caches): they must all fall back to
 * zero when no one is connected, or the relay leaks.
 */
const gauges = new Map<string, () => number>();

/** Registers (or replaces) a gauge; returns its removal. */
export function registerGauge(name: string, read: () => number): () => void {
	gauges.set(name, read);
	return () => {
		if (gauges.get(name) === read) gauges.delete(name);
	};
}

/** One committed update, as the room hands it to the fan-out. */
export interface PersistedUpdate {
	update: Uint8Array;
	authorId: string | null;
	originId: string | null;
}

/** Counts a committed batch: its updates and bytes, and one latency sample per update. */
export function recordPersisted(entries: readonly PersistedUpdate[], ms: number): void {
	metrics.updatesPersisted += entries.length;
	for (const { update } of entries) metrics.bytesPersisted += update.byteLength;
	let i = PERSIST_BUCKETS_MS.findIndex((bound) => ms <= bound);
	if (i < 0) i = PERSIST_BUCKETS_MS.length;
	metrics.persistLatencyBuckets[i] += entries.length;
	metrics.persistLatencySumMs += ms * entries.length;
}

/** Counts one refused message or connection. */
export function countRejected(reason: RejectReason): void {
	metrics.rejected[reason] = (metrics.rejected[reason] ?? 0) + 1;
}

/** Every metric in Prometheus' text exposition format. */
export function renderMetrics(): string {
	const lines: string[] = [];
	const put = (name: string, type: 'gauge' | 'counter', value: number, labels = '') => {
		if (!lines.some((l) => l === `# TYPE ${name} ${type}`)) lines.push(`# TYPE ${name} ${type}`);
		lines.push(`${name}${labels} ${value}`);
	};
	put('kohero_relay_open_connections', 'gauge', metrics.openConnections);
	put('kohero_relay_loaded_docs', 'gauge', metrics.loadedDocs);
	for (const [name, read] of gauges) put(`kohero_relay_${name}`, 'gauge', read());
	put('kohero_relay_updates_persisted_total', 'counter', metrics.updatesPersisted);
	put('kohero_relay_bytes_persisted_total', 'counter', metrics.bytesPersisted);
	put('kohero_relay_compactions_total', 'counter', metrics.compactions);
	put('kohero_relay_broadcast_merged_updates_total', 'counter', metrics.mergedUpdates);
	for (const [reason, count] of Object.entries(metrics.rejected)) {
		put('kohero_relay_rejected_total', 'counter', count, `{reason="${reason}"}`);
	}
	// The persist latency is exposed once, as a histogram in seconds (ops/prometheus.ts).
	const memory = process.memoryUsage();
	put('kohero_process_resident_bytes', 'gauge', memory.rss);
	put('kohero_process_heap_used_bytes', 'gauge', memory.heapUsed);
	// What V8 keeps committed for its heap: after a burst of sockets it stays above what is used.
	put('kohero_process_heap_total_bytes', 'gauge', memory.heapTotal);
	put('kohero_process_external_bytes', 'gauge', memory.external);
	return lines.join('\n') + '\n';
}
