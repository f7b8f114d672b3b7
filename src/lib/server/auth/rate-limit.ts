/**
 * Counts login failures per key (email or IP) in a sliding window. In memory:
 * one process serves Kohero; a restart forgets the counts, which only helps
 * the honest user who was locked out.
 */
export class FailureLimiter {
	#failures = new Map<string, number[]>();

	constructor(
		readonly maxFailures: number,
		readonly windowMs: number,
		readonly maxKeys = 100_000
	) {}

	/** Seconds until `key` may try again, or 0 when it may try now. */
	retryAfter(key: string, now = Date.now()): number {
		const times = this.#recent(key, now);
		if (times.length < this.maxFailures) return 0;
		const oldest = times[times.length - this.maxFailures];
		return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
	}

	/** Records one failure for `key`. */
	fail(key: string, now = Date.now()): void {
		const times = this.#recent(key, now);
		times.push(now);
		this.#failures.set(key, times);
		if (this.#failures.size > this.maxKeys) this.#evictOldest();
	}

	/**
	 * Reserves one attempt on every key at once, before the attempt is checked, so
	 * parallel attempts cannot all slip past the count; returns 0 when reserved, or
	 * the seconds to wait when a key is full (then nothing is reserved).
	 */
	reserve(keys: readonly string[], now = Date.now()): number {
		const wait = Math.max(0, ...keys.map((key) => this.retryAfter(key, now)));
		if (wait > 0) return wait;
		for (const key of keys) this.fail(key, now);
		return 0;
	}

	/** Gives back the attempt reserved on `key` at `at` (it succeeded). */
	release(key: string, at: number): void {
		const times = this.#failures.get(key);
		const index = times?.lastIndexOf(at) ?? -1;
		if (index >= 0) times!.splice(index, 1);
	}

	/** Forgets `key` (after a successful login). */
	reset(key: string): void {
		this.#failures.delete(key);
	}

	#recent(key: string, now: number): number[] {
		const times = this.#failures.get(key) ?? [];
		const recent = times.filter((t) => now - t < this.windowMs);
		if (recent.length === 0) this.#failures.delete(key);
		return recent;
	}

	#evictOldest(): void {
		const first = this.#failures.keys().next();
		if (!first.done) this.#failures.delete(first.value);
	}
}

/** Counts events (not only failures) in a sliding window: the same limiter, another name. */
export { FailureLimiter as WindowLimiter };

/** API.md: more than 10 failures per email or per IP in 15 minutes → 429. */
export const loginFailures = new FailureLimiter(10, 15 * 60 * 1000);
