import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit';

describe('FailureLimiter', () => {
	const WINDOW = 15 * 60 * 1000;
	it.each([
		{ failures: 0, wait: 0 },
		{ failures: 9, wait: 0 },
		{ failures: 10, wait: 900 },
		{ failures: 25, wait: 900 }
	])('after $failures failures at t=0, waits $wait s', ({ failures, wait }) => {
		const limiter = new FailureLimiter(10, WINDOW);
		for (let i = 0; i < failures; i++) limiter.fail('k', 0);
		expect(limiter.retryAfter('k', 0)).toBe(wait);
	});

	it('forgets failures once they leave the window', () => {
		const limiter = new FailureLimiter(10, WINDOW);
		for (let i = 0; i < 10; i++) limiter.fail('k', i * 1000);
		expect(limiter.retryAfter('k', 60_000)).toBe(Math.ceil((WINDOW - 60_000) / 1000));
		expect(limiter.retryAfter('k', WINDOW + 10_000)).toBe(0);
	});

	it('keeps keys apart and resets one', () => {
		const limiter = new FailureLimiter(2, WINDOW);
		limiter.fail('a', 0);
		limiter.fail('a', 0);
		expect(limiter.retryAfter('a', 0)).toBeGreaterThan(0);
		expect(limiter.retryAfter('b', 0)).toBe(0);
		limiter.reset('a');
		expect(limiter.retryAfter('a', 0)).toBe(0);
	});

	it('stays bounded in memory', () => {
		const limiter = new FailureLimiter(2, WINDOW, 3);
		for (const k of ['a', 'b', 'c', 'd']) limiter.fail(k, 0);
		limiter.fail('a', 0);
		// 'a' was evicted as the oldest key, so only its newest failure counts.
		expect(limiter.retryAfter('a', 0)).toBe(0);
	});
});
