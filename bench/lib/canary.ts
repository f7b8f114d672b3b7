/**
 * A third process that only keeps time, beside the relay under test and the
 * harness: a 2 ms timer that reports every gap of 4 ms or more between its
 * firings. What it sees is the machine's own stalls (a vCPU paused by the
 * host, both cores taken), which hold back whichever relay is measured: on
 * this VM they come every ~0.5 s, 4–15 ms long, while the cores are mostly
 * idle. A paced p99 of their size is the machine's, not the relay's.
 * It costs ~10 ms of CPU per second (its own figure is in `cpuMs`).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { treeCpuSeconds } from './proc-cpu';

const INTERVAL_MS = 2;
const GAP_MS = 4;

// Each gap as "<start µs, monotonic clock> <ms>" on its own line.
const SOURCE = `
const us = () => Number(process.hrtime.bigint() / 1000n);
let last = us();
setInterval(() => {
	const now = us();
	if (now - last >= ${GAP_MS * 1000}) process.stdout.write(last + ' ' + (now - last) / 1000 + '\\n');
	last = now;
}, ${INTERVAL_MS});
`;

export interface Stalls {
	/** Gaps of GAP_MS or more the canary saw in the window. */
	count: number;
	/** Their total, ms: the time nothing on the machine could count on running. */
	totalMs: number;
	worstMs: number;
}

export interface Canary {
	/** The stalls that started between two instants (µs, monotonic clock). */
	between(fromUs: number, toUs: number): Stalls;
	/** Whether a stall overlapped the span between two instants (µs, monotonic clock). */
	overlaps(fromUs: number, toUs: number): boolean;
	/** Every gap seen so far: start (µs, monotonic clock) and length (ms). */
	gaps(): readonly { startUs: number; ms: number }[];
	/** CPU the canary used so far, ms. */
	cpuMs(): number;
	stop(): void;
}

export function startCanary(): Canary {
	const child = spawn(process.execPath, ['-e', SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
	const gaps: { startUs: number; ms: number }[] = [];
	createInterface({ input: child.stdout! }).on('line', (line) => {
		const [startUs, ms] = line.split(' ').map(Number);
		gaps.push({ startUs, ms });
	});
	return {
		between(fromUs, toUs) {
			const inside = gaps.filter((g) => g.startUs >= fromUs && g.startUs < toUs);
			const round = (n: number) => Math.round(n * 10) / 10;
			return {
				count: inside.length,
				totalMs: round(inside.reduce((sum, g) => sum + g.ms, 0)),
				worstMs: round(Math.max(0, ...inside.map((g) => g.ms)))
			};
		},
		overlaps: (fromUs, toUs) => gaps.some((g) => g.startUs < toUs && g.startUs + g.ms * 1000 > fromUs),
		gaps: () => gaps,
		cpuMs: () => treeCpuSeconds(child.pid!) * 1000,
		stop: () => void child.kill()
	};
}
