/**
 * The harness's own garbage collections, kept out of the paced latencies. Every paced
 * update is timed in this process: a collection here delays the updates in flight by its
 * pause, whichever relay is measured. With V8's default young generation, each 5-s paced
 * phase had two scavenges of 5–16 ms (the harness allocates ~25 kB per paced update,
 * mostly the observers' decoding), and a major collection begun during the burst could end
 * in the phase after it (100 ms once): a 1000-update p99 is read right there
 * (bench/RESULTS.md, turn 20). So the harness runs with semi-spaces that hold a paced phase's
 * garbage (HARNESS_NODE_ARGS) and collects in full just before each paced phase. That
 * pause is reported (the relay idles meanwhile, as it would between two updates), and so is
 * any collection that still lands inside a phase.
 */
import { spawnSync } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';

/** Node flags for the harness's process: `gc()`, and 64 MB semi-spaces (a 5-s paced phase allocates ~25 MB). */
export const HARNESS_NODE_ARGS = ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64'];

interface Pause {
	start: number;
	ms: number;
}

const pauses: Pause[] = [];
let observer: PerformanceObserver | null = null;

const gc = (globalThis as { gc?: (options: { type: 'major' }) => void }).gc;

/**
 * Runs this script again, with HARNESS_NODE_ARGS, when it was started without them
 * (`tsx bench/relay.ts`, `npm run bench`): returns the rerun's exit code, or null when
 * this process already has them and goes on.
 */
export function rerunWithHarnessFlags(): number | null {
	if (gc !== undefined) return null;
	const rerun = spawnSync(process.execPath, [...HARNESS_NODE_ARGS, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
	return rerun.status ?? 1;
}

/**
 * Collects the harness's heap in full now, before a paced phase (a no-op without
 * --expose-gc); returns the pause in ms. Pauses are watched from then on.
 */
export function collectBeforePhase(): number {
	const started = performance.now();
	gc?.({ type: 'major' });
	const ms = performance.now() - started;
	if (!observer) {
		observer = new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, ms: entry.duration });
		});
		observer.observe({ entryTypes: ['gc'] });
	}
	return Math.round(ms * 10) / 10;
}

/** The harness's collections that began between two performance.now() readings (count, total pause); older ones are forgotten. */
export function harnessPauses(from: number, to: number): { count: number; ms: number } {
	while (pauses.length > 0 && pauses[0].start < from) pauses.shift();
	const inside = pauses.filter((p) => p.start < to);
	return { count: inside.length, ms: Math.round(inside.reduce((sum, p) => sum + p.ms, 0) * 10) / 10 };
}
