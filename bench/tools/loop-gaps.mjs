// Preload for the relay under a benchmark (BENCH_NODE_ARGS="--import ./bench/tools/loop-gaps.mjs"):
// a 1 ms timer records every gap over LOOP_GAPS_MS (default 20) ms between its firings (start and end on the monotonic
// clock, in µs, as V8's CPU profiles use) and writes them to /tmp/loop-gaps-<pid>.json at exit.
// bench/tools/gap-profile.mjs then reads a --cpu-prof profile inside each gap.
import { writeFileSync } from 'node:fs';

const gaps = [];
const over = Number(process.env.LOOP_GAPS_MS ?? 20) * 1000;
const us = () => Number(process.hrtime.bigint() / 1000n);
let last = us();
setInterval(() => {
	const now = us();
	if (now - last > over) gaps.push({ start: last, end: now, ms: (now - last) / 1000 });
	last = now;
}, 1).unref();
process.on('exit', () => writeFileSync(`/tmp/loop-gaps-${process.pid}.json`, JSON.stringify(gaps)));
