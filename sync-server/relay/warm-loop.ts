/**
 * Keeps the relay's event loop awake while writers are active: from a frame until a
 * second passes without one, a timer fires every `intervalMs`, so the thread never
 * sleeps long between two updates. On this machine (a virtual one, like most servers
 * this runs on) a thread that slept 5 ms between paced updates woke to each on cold
 * caches and, at times, to a virtual CPU the host had to wake first: the relay's paced
 * p99 was above the reference's; with the timer it is under it (bench/RESULTS.md,
 * turn 20: the same build with and without it, three runs).
 * An idle relay has no timer; a busy one barely notices it (its loop turns anyway).
 * The price is the timer's wake-ups while a document is edited slowly: ~1,000 a
 * second, 16–30 ms of CPU per second here.
 */
export class WarmLoop {
	#timer: NodeJS.Timeout | null = null;
	/** Timer firings so far: the clock of `#heardAt`. */
	#ticks = 0;
	#heardAt = 0;
	readonly #idleTicks: number;

	/** `intervalMs` 0: never keeps the loop awake. */
	constructor(
		private readonly intervalMs: number,
		idleAfterMs = 1000
	) {
		this.#idleTicks = Math.max(1, Math.round(idleAfterMs / Math.max(intervalMs, 1)));
	}

	/** Whether the timer runs now. */
	get awake(): boolean {
		return this.#timer !== null;
	}

	/** A frame came in: keep the loop awake for the next second (a counter copied; the timer started if it was not). */
	heard(): void {
		this.#heardAt = this.#ticks;
		if (this.#timer !== null || this.intervalMs <= 0) return;
		this.#timer = setInterval(() => {
			if (++this.#ticks - this.#heardAt > this.#idleTicks) this.stop();
		}, this.intervalMs);
		this.#timer.unref();
	}

	stop(): void {
		if (this.#timer === null) return;
		clearInterval(this.#timer);
		this.#timer = null;
	}
}
