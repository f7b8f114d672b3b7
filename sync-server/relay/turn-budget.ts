/**
 * Bounds the frames the relay handles in one turn of the event loop. A burst
 * (400 writers of one document sending at once) is read in one turn: handled
 * there, it would hold the loop for seconds, and timers, pings and every other
 * socket with it. Frames are handled at once while the turn's budget lasts;
 * past it, a room keeps them in arrival order and handles them in the next
 * turns, a budget's worth per turn, taking turns with the other waiting rooms.
 * A frame big enough to cost a budget's worth alone is handled only as a turn's
 * first: behind others, it would make that turn several budgets long.
 */
import { WHOLE_TURN_FRAME_BYTES } from './limits';

/** A room with frames waiting: `drain` handles those this turn `fits`, and says whether none are left. */
export interface Backlogged {
	drain(): boolean;
}

export class TurnBudget {
	/** When this turn's first frame was handled (performance.now()), or -1. */
	#startedAt = -1;
	readonly #waiting = new Set<Backlogged>();
	/** Waiting rooms whose next frame needs a turn of its own: they drain first. */
	readonly #wholeTurn = new Set<Backlogged>();
	#drainTimer: NodeJS.Timeout | null = null;

	constructor(readonly budgetMs: number) {}

	/** Whether this turn of the loop may still handle a frame. */
	readonly hasTime = (): boolean => {
		const now = performance.now();
		if (this.#startedAt < 0) {
			this.#startedAt = now;
			// The check phase ends the turn: after the poll phase's socket reads (and their commit).
			setImmediate(this.#endTurn);
		}
		return now - this.#startedAt < this.budgetMs;
	};

	/**
	 * Whether this turn may handle a frame of `bytes` now (and starts the turn's clock):
	 * one under WHOLE_TURN_FRAME_BYTES while the budget lasts (or whatever the time if it is
	 * the `first` a room drains in this turn), a bigger one only if no frame was handled yet.
	 */
	fits(bytes: number, first = false): boolean {
		if (bytes < WHOLE_TURN_FRAME_BYTES) return first || this.hasTime();
		if (this.#startedAt >= 0) return false;
		this.hasTime();
		return true;
	}

	/** `room` keeps frames for later turns (idempotent); it drains first in the next one if its next frame, of `nextBytes`, needs a turn of its own. */
	later(room: Backlogged, nextBytes = 0): void {
		this.#waiting.add(room);
		if (nextBytes >= WHOLE_TURN_FRAME_BYTES) this.#wholeTurn.add(room);
		this.#scheduleDrain();
	}

	/** `room` left: nothing of it runs later. */
	forget(room: Backlogged): void {
		this.#waiting.delete(room);
		this.#wholeTurn.delete(room);
	}

	/** Rooms with frames waiting (a gauge: it must fall back to 0). */
	get waiting(): number {
		return this.#waiting.size;
	}

	readonly #endTurn = (): void => {
		this.#startedAt = -1;
	};

	#scheduleDrain(): void {
		// A timer runs in the next turn, before its socket reads: the waiting frames go first.
		if (this.#drainTimer === null && this.#waiting.size > 0) this.#drainTimer = setTimeout(this.#drain, 0);
	}

	readonly #drain = (): void => {
		this.#drainTimer = null;
		let first = true;
		// A room waiting with a big frame goes first: later in the turn, it could not handle it.
		const order = new Set([...this.#wholeTurn, ...this.#waiting]);
		this.#wholeTurn.clear();
		for (const room of order) {
			// Forgotten meanwhile (it unloaded while another room drained).
			if (!this.#waiting.has(room)) continue;
			// At least one frame per turn, whatever the budget.
			if (!first && !this.hasTime()) break;
			first = false;
			this.#waiting.delete(room);
			// Not done: back of the line, so rooms take turns.
			if (!room.drain()) this.#waiting.add(room);
		}
		this.#scheduleDrain();
	};
}

/** Work spread over turns by inTurns or forEachInTurns. */
export interface InTurns {
	/** True once every step ran (false after `cancel`). */
	readonly done: boolean;
	/** Runs nothing more; `onDone` is not called. */
	cancel(): void;
}

/**
 * Runs `step` while `hasMore()` and `hasTime()` (at least one step per turn),
 * continuing in the next turns (a timer: the loop polls its sockets in between; an
 * immediate started from a timer would still run in this turn, after the budget's
 * turn ended). Then calls `onDone` with the time the steps took, over all turns
 * (at once when there is nothing to do).
 */
export function inTurns(hasMore: () => boolean, step: () => void, hasTime: () => boolean, onDone?: (spentMs: number) => void): InTurns {
	let spentMs = 0;
	let timer: NodeJS.Timeout | null = null;
	let cancelled = false;
	const state = {
		done: false,
		cancel() {
			cancelled = true;
			if (timer) clearTimeout(timer);
			timer = null;
		}
	};
	const slice = (): void => {
		timer = null;
		const started = performance.now();
		// Starts the turn's clock if this is its first use.
		hasTime();
		while (hasMore() && !cancelled) {
			step();
			if (!hasTime()) break;
		}
		spentMs += performance.now() - started;
		if (cancelled) return;
		if (hasMore()) timer = setTimeout(slice, 0);
		else finish();
	};
	const finish = (): void => {
		state.done = true;
		onDone?.(spentMs);
	};
	if (hasMore()) slice();
	else finish();
	return state;
}

/**
 * Calls `visit` on each of `items` in order, a budget's worth per turn (inTurns).
 * For work that writes to every socket, one system call each: 400 sockets are
 * ~10 ms of `writev` on a quiet machine, much more on a busy one.
 */
export function forEachInTurns<T>(
	items: readonly T[],
	hasTime: () => boolean,
	visit: (item: T) => void,
	onDone?: (spentMs: number) => void
): InTurns {
	let next = 0;
	return inTurns(() => next < items.length, () => visit(items[next++]), hasTime, onDone);
}
