/**
 * What `GET /metrics` (metrics-route.ts) adds to the relay's own figures
 * (relay/metrics.ts): HTTP request counts, updates per second and the persist
 * latency as a proper Prometheus histogram in seconds. Only numbers, never an
 * id, an email or a place.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { positiveIntEnv } from '$lib/server/env-number';
import { PERSIST_BUCKETS_MS, metrics, renderMetrics as renderRelayMetrics } from '$relay/metrics';

/** Any other method is counted as "other": a label must not take values chosen by a client. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const RATE_WINDOW_MS = 10_000;

const http = new Map<string, number>();
const startedAt = Date.now();
/** Samples of updatesPersisted, one per second, for the updates/s gauge. */
const samples: { at: number; count: number }[] = [];
let sampler: NodeJS.Timeout | null = null;

/**
 * Event-loop delay: the worst stall of each second, over the last ~10 s. The histogram's
 * timer fires every `resolution` ms and records the time since it last fired, so a stall
 * reads up to `resolution` ms longer than it was (a 30 ms busy loop reads 30–38 ms at 10 ms,
 * 31–32 ms at 1 ms). 10 ms costs ~6 ms of CPU per idle second, 1 ms ~15 ms: the default is
 * the cheap one; benchmarks that judge stalls ask for 1 ms.
 */
const LOOP_DELAY_RESOLUTION_MS = positiveIntEnv('KOHERO_LOOP_DELAY_RESOLUTION_MS', 10);
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
const loopMaxMs: number[] = [];

function sample(): void {
	const now = Date.now();
	samples.push({ at: now, count: metrics.updatesPersisted });
	while (samples.length > 2 && samples[0].at < now - RATE_WINDOW_MS) samples.shift();
	loopMaxMs.push(loopDelay.max / 1e6);
	loopDelay.reset();
	while (loopMaxMs.length > RATE_WINDOW_MS / 1000) loopMaxMs.shift();
}

/** Starts the once-a-second sampling behind the updates/s gauge (idempotent). */
export function startSampling(): void {
	if (sampler) return;
	loopDelay.enable();
	sample();
	sampler = setInterval(sample, 1000);
	sampler.unref();
}

/** Counts one finished HTTP request by method and status code. */
export function countHttpRequest(method: string | undefined, status: number): void {
	const key = `${METHODS.has(method ?? '') ? method : 'other'} ${status}`;
	http.set(key, (http.get(key) ?? 0) + 1);
}

/** Persisted updates per second over the last ~10 s (a read adds no sample: the window is time, not reads). */
function updatesPerSecond(): number {
	const first = samples[0];
	if (!first) return 0;
	const seconds = (Date.now() - first.at) / 1000;
	return seconds > 0 ? (metrics.updatesPersisted - first.count) / seconds : 0;
}

type Line = [labels: string, value: number];

function family(name: string, type: 'gauge' | 'counter' | 'histogram', help: string, lines: Line[]): string {
	const body = lines.map(([labels, value]) => `${name}${labels} ${Number.isFinite(value) ? value : 0}`);
	return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...body].join('\n');
}

function histogramLines(): string {
	const name = 'kohero_relay_persist_latency_seconds';
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

/** The relay's own exposition (relay/metrics.ts), then the HTTP and rate figures kept here. */
export function renderMetrics(): string {
	const httpLines: Line[] = [...http.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, n]) => {
			const [method, code] = key.split(' ');
			return [`{method="${method}",code="${code}"}`, n];
		});
	return (
		renderRelayMetrics() +
		[
			family('kohero_relay_updates_per_second', 'gauge', 'Committed updates per second over the last 10 s.', [['', updatesPerSecond()]]),
			histogramLines(),
			family('kohero_event_loop_delay_max_seconds', 'gauge', 'Longest event-loop stall over the last 10 s.', [['', Math.max(0, ...loopMaxMs, loopDelay.max / 1e6) / 1000]]),
			family('kohero_event_loop_delay_resolution_seconds', 'gauge', 'How often the stall timer fires: a stall reads up to this much longer.', [['', LOOP_DELAY_RESOLUTION_MS / 1000]]),
			family('kohero_http_requests_total', 'counter', 'Finished HTTP requests by method and status code.', httpLines),
			family('kohero_process_uptime_seconds', 'gauge', 'Seconds since the process started.', [['', (Date.now() - startedAt) / 1000]])
		].join('\n') +
		'\n'
	);
}
