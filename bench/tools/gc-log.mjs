// Preload for the relay under a benchmark (BENCH_NODE_ARGS="--import ./bench/tools/gc-log.mjs"): every
// garbage collection's kind and pause (PerformanceObserver 'gc' entries), written at exit to
// /tmp/gc-log-<pid>.json as { start, ms, kind } (start in µs on the monotonic clock, as loop-gaps.mjs).
// Summary: node bench/tools/gc-log.mjs /tmp/gc-log-<pid>.json
import { writeFileSync, readFileSync } from 'node:fs';
import { PerformanceObserver, constants } from 'node:perf_hooks';

const KINDS = {
	[constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
	[constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
	[constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
	[constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb'
};

if (process.argv[2]?.endsWith('.json')) {
	const entries = JSON.parse(readFileSync(process.argv[2], 'utf8'));
	const byKind = {};
	for (const e of entries) (byKind[e.kind] ??= []).push(e);
	for (const [kind, list] of Object.entries(byKind)) {
		const ms = list.map((e) => e.ms).sort((a, b) => a - b);
		const at = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(1);
		console.log(`${kind}: ${ms.length} pauses, total ${ms.reduce((s, x) => s + x, 0).toFixed(0)} ms, p50 ${at(0.5)}, p99 ${at(0.99)}, max ${ms.at(-1).toFixed(1)} ms; over 10 ms: ${ms.filter((x) => x > 10).length}`);
	}
} else {
	const entries = [];
	// performance.timeOrigin is in ms since the epoch; hrtime is monotonic: anchor one to the other once.
	const monoUsAtOrigin = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) entries.push({ start: Math.round(monoUsAtOrigin + e.startTime * 1000), ms: e.duration, kind: KINDS[e.detail?.kind] ?? String(e.detail?.kind) });
	}).observe({ entryTypes: ['gc'] });
	process.on('exit', () => writeFileSync(`/tmp/gc-log-${process.pid}.json`, JSON.stringify(entries)));
}
