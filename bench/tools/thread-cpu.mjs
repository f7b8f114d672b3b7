// Preload for a relay under a benchmark (BENCH_NODE_ARGS / BENCH_REFERENCE_NODE_ARGS="--import ./bench/tools/thread-cpu.mjs"):
// every 250 ms, the CPU time (user + system, ms) of each of the process' threads from /proc/self/task, written at
// exit to /tmp/thread-cpu-<pid>.json. Threads are told apart by their id (Node names them all "node"): the main
// thread's id is the pid; V8's platform workers (GC tasks, concurrent compilation) start right after it; libuv's
// pool and the relay's worker threads (merge, checkpoints) later, in that order. The reading costs the process
// ~1 ms per sample.
// Per phase: node bench/tools/thread-cpu.mjs /tmp/thread-cpu-<pid>.json <BENCH_LATENCY_DUMP dir>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const us = () => Number(process.hrtime.bigint() / 1000n);

function threadCpu() {
	const cpu = {};
	for (const tid of readdirSync('/proc/self/task')) {
		try {
			const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			// utime and stime, in clock ticks of 10 ms.
			cpu[tid] = (Number(fields[11]) + Number(fields[12])) * 10;
		} catch {
			// The thread ended between the listing and the read.
		}
	}
	return cpu;
}

if (process.argv[2]?.endsWith('.json')) {
	const samples = JSON.parse(readFileSync(process.argv[2], 'utf8'));
	const pid = /thread-cpu-(\d+)/.exec(process.argv[2])[1];
	const near = (t) => samples.reduce((best, s) => (Math.abs(s.t - t) < Math.abs(best.t - t) ? s : best));
	const phases = readdirSync(process.argv[3])
		.filter((f) => f.startsWith(`${pid}-`))
		.map((f) => ({ f, n: Number(f.slice(pid.length + 1, -5)), rows: JSON.parse(readFileSync(`${process.argv[3]}/${f}`, 'utf8')) }))
		.sort((a, b) => a.n - b.n);
	for (const { n, rows } of phases) {
		const [from, to] = [near(rows[0][0]), near(rows.at(-1)[0])];
		const per = Object.entries(to.cpu)
			.map(([tid, ms]) => [tid === pid ? 'main' : tid, ms - (from.cpu[tid] ?? 0)])
			.filter(([, ms]) => ms > 0)
			.sort((a, b) => b[1] - a[1]);
		const total = per.reduce((sum, [, ms]) => sum + ms, 0);
		console.log(`phase ${n}: ${rows.length} updates, ${total} ms CPU (${((total / rows.length) * 1000).toFixed(0)} per 1000): ${per.map(([t, ms]) => `${t} ${ms}`).join(', ')}`);
	}
} else {
	const samples = [];
	setInterval(() => samples.push({ t: us(), cpu: threadCpu() }), 250).unref();
	process.on('exit', () => writeFileSync(`/tmp/thread-cpu-${process.pid}.json`, JSON.stringify(samples)));
}
