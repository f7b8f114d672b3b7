/** Retry timing for the outbox: exponential, capped, with jitter so devices don't retry in step. */

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** Delay before retry number `attempts` (1 = first retry); `random` in [0, 1). */
export function backoffDelay(attempts: number, random: number = Math.random()): number {
	const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
	// ±20 % jitter, never beyond the cap.
	return Math.min(BACKOFF_MAX_MS, Math.round(exp * (0.8 + 0.4 * random)));
}

/** What to do with an answer: done, refused for good (shown to the person), or try again later. */
export type Outcome = 'done' | 'refused' | 'retry';

/**
 * Network errors, 5xx, 429 and 408 are transient; 401 means the session must be
 * renewed, which the person does, so it is retried too. Any other 4xx is a refusal.
 */
export function classify(status: number): Outcome {
	if (status >= 200 && status < 300) return 'done';
	if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return 'retry';
	return 'refused';
}
