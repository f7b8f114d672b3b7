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

	it('reserves on every key at once, or on none, before the attempt is checked', () => {
		const limiter = new FailureLimiter(3, WINDOW);
		// Ten parallel attempts reserve synchronously: only three get through.
		const granted = Array.from({ length: 10 }, () => limiter.reserve(['email:x', 'ip:1'], 0)).filter((wait) => wait === 0);
		expect(granted).toHaveLength(3);
		// A full e-mail key refuses without spending the IP's budget.
		expect(limiter.reserve(['email:x', 'ip:2'], 0)).toBeGreaterThan(0);
		expect(limiter.reserve(['ip:2'], 0)).toBe(0);
		expect(limiter.reserve(['ip:2'], 0)).toBe(0);
		expect(limiter.reserve(['ip:2'], 0)).toBe(0);
		expect(limiter.reserve(['ip:2'], 0)).toBeGreaterThan(0);
	});

	it('gives back one reserved attempt after a success', () => {
		const limiter = new FailureLimiter(2, WINDOW);
		expect(limiter.reserve(['ip:1'], 10)).toBe(0);
		expect(limiter.reserve(['ip:1'], 20)).toBe(0);
		expect(limiter.retryAfter('ip:1', 30)).toBeGreaterThan(0);
		limiter.release('ip:1', 20);
		expect(limiter.retryAfter('ip:1', 30)).toBe(0);
		limiter.release('ip:1', 999);
		expect(limiter.retryAfter('ip:1', 30)).toBe(0);
	});
});
