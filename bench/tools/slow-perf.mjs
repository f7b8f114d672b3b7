// node bench/tools/slow-perf.mjs <BENCH_LATENCY_DUMP dir> <perf script output> <relay pid> [slowMs=5]:
// where a relay's main thread was while its slow paced updates were on their way, read off the kernel's
// scheduler and a sampling profile instead of V8's profiler (at a 200 µs interval it took Kohero's paced CPU per
// 1000 updates to 1920–2300 ms, from 440–750, and so changes what it measures). Record while the bench runs, DAMON or not:
//   perf record -o perf.data -F 2000 -g -e cpu-clock -e sched:sched_switch -p <relay pid>
//   perf script -i perf.data -F tid,time,event,trace,ip,sym > perf.txt
// perf's clock is the monotonic clock the latency dumps use (checked: a phase's dump and its samples line up).
// For every paced update of slowMs or more that no canary stall overlapped: how the main thread left the CPU
// (R: preempted, and by which pid; D: waiting on the disk or a lock, with the kernel frames; S: idle), and
// where its cpu-clock samples fell (native frames: JIT frames are [unknown] without --perf-basic-prof).
import { readdirSync, readFileSync } from 'node:fs';

const [dumpDir, perfText, pidArg] = process.argv.slice(2);
const PID = Number(pidArg);
const SLOW_MS = Number(process.argv[5] ?? 5);
const canary = JSON.parse(readFileSync(`${dumpDir}/canary.json`, 'utf8'));
const inStall = (from, to) => canary.some((g) => g.startUs < to && g.startUs + g.ms * 1000 > from);

/** perf script's records: thread, time (µs), the header line, the frames (innermost first). */
const records = readFileSync(perfText, 'utf8')
	.split('\n\n')
	.map((block) => {
		const lines = block.split('\n').filter(Boolean);
		if (lines.length === 0) return null;
		const [tid, time] = lines[0].trim().split(/\s+/);
		const frames = lines.slice(1).map((l) => l.trim().split(/\s+/).slice(1).join(' ').replace(/\+0x[0-9a-f]+$/, ''));
		return { tid: Number(tid), us: parseFloat(time) * 1e6, head: lines[0], frames };
	})
	.filter((r) => r !== null && r.tid === PID)
	.sort((a, b) => a.us - b.us);

/** The records of [from, to) µs, by binary search. */
function between(from, to) {
	let lo = 0;
	let hi = records.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (records[mid].us < from) lo = mid + 1;
		else hi = mid;
	}
	const out = [];
	for (let i = lo; i < records.length && records[i].us < to; i++) out.push(records[i]);
	return out;
}

const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const switches = new Map();
const blocked = new Map();
const samples = new Map();
let windows = 0;
let windowMs = 0;
let sampled = 0;
for (const file of readdirSync(dumpDir).filter((f) => f.startsWith(`${PID}-`))) {
	const rows = JSON.parse(readFileSync(`${dumpDir}/${file}`, 'utf8'));
	// Saturated phases hold tens of thousands of overlapping windows: paced ones only.
	if (rows.length > 1500) continue;
	for (const [sentUs, ms] of rows) {
		if (ms < SLOW_MS || inStall(sentUs, sentUs + ms * 1000)) continue;
		windows++;
		windowMs += ms;
		for (const r of between(sentUs, sentUs + ms * 1000)) {
			if (r.head.includes('sched_switch')) {
				const state = /prev_state=(\S+)/.exec(r.head)?.[1];
				const next = /next_comm=(\S+) next_pid=(\d+)/.exec(r.head);
				count(switches, `${state} → ${next?.[1]}/${next?.[2]}`);
				if (state === 'D') count(blocked, r.frames.slice(0, 8).join(' < '));
			} else if (r.head.includes('cpu-clock')) {
				sampled++;
				count(samples, r.frames.filter((f) => !f.startsWith('[unknown]')).slice(0, 4).join(' < ') || '[JIT code]');
			}
		}
	}
}
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`${windows} slow updates (≥ ${SLOW_MS} ms) outside the canary's stalls, ${windowMs.toFixed(0)} ms of windows; ${sampled} cpu-clock samples of the main thread in them`);
console.log('main thread left the CPU (prev_state → next task):');
for (const [k, n] of top(switches, 12)) console.log(`  ${String(n).padStart(5)}  ${k}`);
if (blocked.size > 0) console.log('blocked (D) in:');
for (const [k, n] of top(blocked, 8)) console.log(`  ${String(n).padStart(5)}  ${k}`);
console.log('on CPU in:');
for (const [k, n] of top(samples, 15)) console.log(`  ${String(n).padStart(5)}  ${k.slice(0, 180)}`);
