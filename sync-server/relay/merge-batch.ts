/**
 * Merges the updates of one committed batch into one update. Y.mergeUpdates
 * re-sorts all its inputs for every run of structs it writes: O(n² log n) for n
 * updates from n writers, about 25 ms of CPU for 400 (a fan-in burst). Merged 16
 * at a time, level by level, the same result costs about half of that at 400,
 * and the gap grows with n. A crowded room's broadcast merges a group per
 * step, a budget's worth of steps per turn (crowd-broadcast.ts).
 */
import * as Y from 'yjs';
import { metrics } from './metrics';

const FAN_IN = 16;

/**
 * A merge of `updates` (not empty) done a group of FAN_IN at a time, level by
 * level: `step` merges the next group, so a caller can spread a big batch over
 * turns of the loop. The result holds every update of `updates`.
 */
export class StepwiseMerge {
	#level: readonly Uint8Array[];
	#next: Uint8Array[] = [];
	#at = 0;

	constructor(updates: readonly Uint8Array[]) {
		if (updates.length === 0) throw new Error('nothing to merge');
		if (updates.length > 1) metrics.mergedUpdates += updates.length;
		this.#level = updates;
	}

	get done(): boolean {
		return this.#level.length === 1;
	}

	/** The merged update (once done). */
	get result(): Uint8Array {
		if (!this.done) throw new Error('merge not done');
		return this.#level[0];
	}

	/** Merges the next group of this level (a lone last one is carried up as it is). */
	step(): void {
		if (this.done) return;
		const group = this.#level.slice(this.#at, this.#at + FAN_IN);
		this.#next.push(group.length === 1 ? group[0] : Y.mergeUpdates(group));
		this.#at += FAN_IN;
		if (this.#at < this.#level.length) return;
		this.#level = this.#next;
		this.#next = [];
		this.#at = 0;
	}
}

/**
 * Who a merged update comes from: the one origin all `updates` share, else none (each
 * sender then gets its own update back inside it, which Yjs ignores).
 */
export function sharedOrigin(updates: readonly { originId: string | null }[]): string | null {
	const origin = updates[0]?.originId ?? null;
	return updates.every((u) => u.originId === origin) ? origin : null;
}

/** One update holding every update of `updates` (not empty), merged at once. */
export function mergeBatch(updates: readonly Uint8Array[]): Uint8Array {
	const merge = new StepwiseMerge(updates);
	while (!merge.done) merge.step();
	return merge.result;
}
