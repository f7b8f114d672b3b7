/**
 * CPU time of a process and all its descendants (worker threads are in the
 * process' own figures), read from /proc: the same meter for both relays.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
	try {
		// Fields after "(comm) ": state is [0], ppid [1], utime [11], stime [12].
		return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	} catch {
		return null;
	}
}

/** User + system CPU seconds used so far by `pid` and every live descendant. */
export function treeCpuSeconds(pid: number): number {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		const child = Number(entry);
		if (!Number.isInteger(child)) continue;
		const fields = statFields(child);
		if (!fields) continue;
		const parent = Number(fields[1]);
		children.set(parent, [...(children.get(parent) ?? []), child]);
	}
	let ticks = 0;
	const stack = [pid];
	while (stack.length > 0) {
		const next = stack.pop()!;
		const fields = statFields(next);
		if (fields) ticks += Number(fields[11]) + Number(fields[12]);
		stack.push(...(children.get(next) ?? []));
	}
	return ticks / TICKS_PER_SECOND;
}

/** Resident set size of a process, in MiB. */
export function rssMiB(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return Math.round(kb / 102.4) / 10;
}

/**
 * Resolves once `pid`'s tree has used under `maxShare` of a core over each of two windows of `windowMs` in a
 * row (or after `capMs`): a relay that just ran a round may still be compacting and checkpointing, and the
 * next relay measured must not share the machine with that. Returns how long it waited.
 */
export async function untilIdle(pid: number, { windowMs = 250, maxShare = 0.02, capMs = 20_000 } = {}): Promise<number> {
	const started = performance.now();
	let quiet = 0;
	let before = treeCpuSeconds(pid);
	while (quiet < 2 && performance.now() - started < capMs) {
		await new Promise((resolve) => setTimeout(resolve, windowMs));
		const now = treeCpuSeconds(pid);
		quiet = (now - before) * 1000 < windowMs * maxShare ? quiet + 1 : 0;
		before = now;
	}
	return performance.now() - started;
}
