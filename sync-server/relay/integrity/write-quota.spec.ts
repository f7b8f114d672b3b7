import { describe, expect, it } from 'vitest';
import { createWriteQuota } from './write-quota';

const HOUR = 60 * 60 * 1000;
/** An hour's start, far from 0 so that "24 hours earlier" is a real hour too. */
const T0 = 500_000 * HOUR;

describe('write quota (API.md "Quotas": per person, per document, 24 h)', () => {
	it('refuses the write that would pass the limit, counts nothing for it, and still takes one that fits', () => {
		const quota = createWriteQuota(1000);
		expect(quota.charge('doc-a', 'ana', 600, T0)).toBe(true);
		expect(quota.charge('doc-a', 'ana', 401, T0 + 1)).toBe(false);
		expect(quota.charge('doc-a', 'ana', 400, T0 + 2)).toBe(true);
		expect(quota.charge('doc-a', 'ana', 1, T0 + 3)).toBe(false);
	});

	it('counts each person on each document apart', () => {
		const quota = createWriteQuota(1000);
		expect(quota.charge('doc-a', 'ana', 1000, T0)).toBe(true);
		expect(quota.charge('doc-a', 'bob', 1000, T0)).toBe(true);
		expect(quota.charge('doc-b', 'ana', 1000, T0)).toBe(true);
		expect(quota.charge('doc-a', 'ana', 1, T0)).toBe(false);
		// A document id and a user id that would spell the same pair if they were only joined.
		expect(quota.charge('doc-a\0ana', '', 1000, T0)).toBe(true);
		expect(quota.size).toBe(4);
	});

	it('forgets a write 24 hours after the hour it was made in, not before', () => {
		const quota = createWriteQuota(1000);
		expect(quota.charge('doc-a', 'ana', 700, T0 + 30 * 60 * 1000)).toBe(true);
		expect(quota.charge('doc-a', 'ana', 300, T0 + 5 * HOUR)).toBe(true);
		// 23 hours later the first hour still counts.
		expect(quota.charge('doc-a', 'ana', 1, T0 + 23 * HOUR + HOUR - 1)).toBe(false);
		// From the 24th hour on it does not: 300 are left in the window.
		expect(quota.charge('doc-a', 'ana', 700, T0 + 24 * HOUR)).toBe(true);
		expect(quota.charge('doc-a', 'ana', 1, T0 + 24 * HOUR)).toBe(false);
		// A day after the last write, the whole quota is back.
		expect(quota.charge('doc-a', 'ana', 1000, T0 + 48 * HOUR)).toBe(true);
	});

	it('keeps counting when the clock steps back (the hour already counted is not reopened)', () => {
		const quota = createWriteQuota(1000);
		expect(quota.charge('doc-a', 'ana', 800, T0 + 10 * HOUR)).toBe(true);
		expect(quota.charge('doc-a', 'ana', 300, T0 + 2 * HOUR)).toBe(false);
		expect(quota.charge('doc-a', 'ana', 200, T0 + 2 * HOUR)).toBe(true);
		expect(quota.charge('doc-a', 'ana', 1, T0 + 10 * HOUR)).toBe(false);
	});

	it('forgets pairs with nothing left in the window as more writes come (the map stays bounded)', () => {
		const quota = createWriteQuota(1000);
		for (let i = 0; i < 100; i++) quota.charge(`doc-${i}`, 'ana', 10, T0);
		expect(quota.size).toBe(100);
		// A day later, one pair keeps writing: the others are swept within 10,000 writes.
		for (let i = 0; i < 10_000; i++) quota.charge('doc-0', 'bob', 0, T0 + 25 * HOUR);
		expect(quota.size).toBe(1);
	});
});
