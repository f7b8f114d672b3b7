/**
 * `GET /metrics` in Prometheus' text exposition format: the relay's counters
 * (sync-server/relay/metrics.ts), HTTP request counts and process figures.
 * Only numbers, never an id, an email or a place: it is served without auth.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PERSIST_BUCKETS_MS, metrics, type RejectReason } from '$relay/metrics';

const REJECT_REASONS: RejectReason[] = ['malformed', 'tooBig', 'docTooBig', 'readOnly', 'unauthenticated', 'unknownDoc'];
/** Any other method is counted as "other": a label must not take values chosen by a client. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const RATE_WINDOW_MS = 10_000;

const http = new Map<string, number>();
const startedAt = Date.now();
/** Samples of updatesPersisted, one per second, for the updates/s gauge. */
const samples: { at: number; count: number }[] = [];
let sampler: NodeJS.Timeout | null = null;

function sample(): void {
	const now = Date.now();
	samples.push({ at: now, count: metrics.updatesPersisted });
	while (samples.length > 2 && samples[0].at < now - RATE_WINDOW_MS) samples.shift();
}

/** Starts the once-a-second sampling behind the updates/s gauge (idempotent). */
export function startSampling(): void {
	if (sampler) return;
	sample();
	sampler = setInterval(sample, 1000);
	sampler.unref();
}

/** Counts one finished HTTP request by method and status code. */
export function countHttpRequest(method: string | undefined, status: number): void {
	const key = `${METHODS.has(method ?? '') ? method : 'other'} ${status}`;
	http.set(key, (http.get(key) ?? 0) + 1);
}

/** Persisted updates per second over the last ~10 s. */
function updatesPerSecond(): number {
	sample();
	const first = samples[0];
	const last = samples[samples.length - 1];
	const seconds = (last.at - first.at) / 1000;
	return seconds > 0 ? (last.count - first.count) / seconds : 0;
}

type Line = [labels: string, value: number];

function family(name: string, type: 'gauge' | 'counter' | 'histogram', help: string, lines: Line[]): string {
	const body = lines.map(([labels, value]) => `${name}${labels} ${Number.isFinite(value) ? value : 0}`);
	return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...body].join('\n');
}

function histogramLines(): string {
	const name = 'kohero_persist_latency_seconds';
	let cumulative = 0;
	const lines: string[] = [];
	PERSIST_BUCKETS_MS.forEach((bound, i) => {
		cumulative += metrics.persistLatencyBuckets[i];
		lines.push(`${name}_bucket{le="${bound / 1000}"} ${cumulative}`);
	});
	cumulative += metrics.persistLatencyBuckets[PERSIST_BUCKETS_MS.length];
	lines.push(`${name}_bucket{le="+Inf"} ${cumulative}`);
	lines.push(`${name}_sum ${metrics.persistLatencySumMs / 1000}`);
	lines.push(`${name}_count ${cumulative}`);
	return [
		`# HELP ${name} Time from an update's arrival to its commit in SQLite.`,
		`# TYPE ${name} histogram`,
		...lines
	].join('\n');
}

/** The whole exposition, one family after another. */
export function renderMetrics(): string {
	const httpLines: Line[] = [...http.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, n]) => {
			const [method, code] = key.split(' ');
			return [`{method="${method}",code="${code}"}`, n];
		});
	return (
		[
			family('kohero_sync_open_connections', 'gauge', 'Open /sync WebSocket connections.', [['', metrics.openConnections]]),
			family('kohero_sync_loaded_documents', 'gauge', 'Documents loaded in the relay.', [['', metrics.loadedDocs]]),
			family('kohero_sync_updates_persisted_total', 'counter', 'Document updates committed to SQLite.', [['', metrics.updatesPersisted]]),
			family('kohero_sync_updates_per_second', 'gauge', 'Committed updates per second over the last 10 s.', [['', updatesPerSecond()]]),
			family('kohero_sync_update_bytes_persisted_total', 'counter', 'Bytes of document updates committed.', [['', metrics.bytesPersisted]]),
			histogramLines(),
			family('kohero_sync_compactions_total', 'counter', 'Update logs merged into snapshots.', [['', metrics.compactions]]),
			family(
				'kohero_sync_rejected_total',
				'counter',
				'Refused messages and connections, by reason.',
				REJECT_REASONS.map((reason) => [`{reason="${reason}"}`, metrics.rejected[reason] ?? 0])
			),
			family('kohero_http_requests_total', 'counter', 'Finished HTTP requests by method and status code.', httpLines),
			family('process_resident_memory_bytes', 'gauge', 'Resident set size.', [['', process.memoryUsage.rss()]]),
			family('process_uptime_seconds', 'gauge', 'Seconds since the process started.', [['', (Date.now() - startedAt) / 1000]])
		].join('\n') + '\n'
	);
}

/** Answers `GET /metrics`; returns false for any other request. */
export function handleMetrics(req: IncomingMessage, res: ServerResponse): boolean {
	if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/metrics') return false;
	startSampling();
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end();
		return true;
	}
	const body = renderMetrics();
	res.writeHead(200, {
		'content-type': 'text/plain; version=0.0.4; charset=utf-8',
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff'
	});
	res.end(req.method === 'HEAD' ? undefined : body);
	return true;
}
