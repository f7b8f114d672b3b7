/**
 * Keeps this VM's CPUs from going idle while a latency phase runs. Measured here
 * (bench/RESULTS.md, turn 10): at 200 updates/s both relays' paced p99 is set by
 * stretches of 3–10 ms in which the relay's process is not running although it has
 * work, as an idle virtual CPU takes milliseconds to be woken: with a CPU profiler
 * sampling every 250 µs in our relay's process (which keeps a CPU from idling), both
 * relays' p99 fell from 4–13 ms to 2.3–3.0 ms. One spinner per CPU under SCHED_IDLE (`chrt -i 0`): Linux runs
 * it only when nothing else wants that CPU and takes the CPU back from it at once,
 * so the relays' own scheduling is unchanged but for the wake-up. The same for
 * both relays; its CPU is outside their process trees. BENCH_KEEP_AWAKE=0 turns it off.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';

/** Whether latency phases run with the CPUs kept awake (chrt present and not turned off). */
export const keepingAwake: boolean = process.env.BENCH_KEEP_AWAKE !== '0' && spawnSync('chrt', ['-i', '0', 'true']).status === 0;

const running = new Set<ChildProcess>();
process.on('exit', () => {
	for (const spinner of running) spinner.kill();
});

/** Runs `work` with one idle-priority spinner per CPU (if `keepingAwake`), stopped once it settles. */
export async function whileAwake<T>(work: () => Promise<T>): Promise<T> {
	if (!keepingAwake) return work();
	const spinners = cpus().map(() => spawn('chrt', ['-i', '0', 'sh', '-c', 'while :; do :; done'], { stdio: 'ignore' }));
	for (const spinner of spinners) running.add(spinner);
	try {
		return await work();
	} finally {
		for (const spinner of spinners) {
			spinner.kill();
			running.delete(spinner);
		}
	}
}
