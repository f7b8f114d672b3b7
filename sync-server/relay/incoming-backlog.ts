/**
 * A room's frames read past the turn's budget (turn-budget.ts), kept in arrival
 * order for later turns. Past MAX_BACKLOG_FRAMES the room stops reading the
 * sockets that send more (TCP holds what they send meanwhile) and reads them
 * again once half of it is handled: writers faster than the relay are slowed
 * down, never queued without bound.
 */

/** Frames a room keeps for later turns before it stops reading the sockets that send more. */
export const MAX_BACKLOG_FRAMES = 2000;

/** What the backlog needs of a sender: its socket's reading switch. */
export interface Sender {
	readonly ws: { pause(): void; resume(): void };
}

export class IncomingBacklog<P extends Sender> {
	/** Frames from #start on are waiting; those before it were handled. */
	#frames: { peer: P; data: Uint8Array }[] = [];
	#start = 0;
	/** Sockets no longer read because the backlog is long. */
	readonly #paused = new Set<P>();

	constructor(private readonly maxFrames = MAX_BACKLOG_FRAMES) {}

	/** Whether frames are waiting: a new one must queue behind them. */
	get waiting(): boolean {
		return this.#frames.length > this.#start;
	}

	/** Keeps a frame for later; stops reading its socket if the backlog is too long. */
	push(peer: P, data: Uint8Array): void {
		this.#frames.push({ peer, data });
		if (this.#frames.length - this.#start > this.maxFrames && !this.#paused.has(peer)) {
			this.#paused.add(peer);
			peer.ws.pause();
		}
	}

	/** The next waiting frame, if any. */
	get next(): Uint8Array | undefined {
		return this.#frames[this.#start]?.data;
	}

	/**
	 * Hands waiting frames to `handle`, in order, while `fits(frame, first)` (`first` for
	 * the first of this drain); true once none are left.
	 */
	drain(fits: (data: Uint8Array, first: boolean) => boolean, handle: (peer: P, data: Uint8Array) => void): boolean {
		const frames = this.#frames;
		if (this.#start >= frames.length) return true;
		let first = true;
		while (this.#start < frames.length && fits(frames[this.#start].data, first)) {
			const { peer, data } = frames[this.#start++];
			first = false;
			handle(peer, data);
		}
		const left = frames.length - this.#start;
		if (left <= this.maxFrames / 2) this.#resumeReading();
		if (left === 0) {
			this.clear();
			return true;
		}
		// Drop what was handled once it is most of the array.
		if (this.#start > left) {
			this.#frames = frames.slice(this.#start);
			this.#start = 0;
		}
		return false;
	}

	/** A sender left: nothing to resume for it (its frames stay: its updates still count). */
	forget(peer: P): void {
		this.#paused.delete(peer);
	}

	/** Drops every frame (the room is destroyed). */
	clear(): void {
		this.#frames = [];
		this.#start = 0;
		this.#paused.clear();
	}

	#resumeReading(): void {
		for (const peer of this.#paused) peer.ws.resume();
		this.#paused.clear();
	}
}
