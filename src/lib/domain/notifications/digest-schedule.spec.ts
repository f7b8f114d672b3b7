import { describe, expect, it } from 'vitest';
import { latestDigestSlot, nextDigestSlot } from './digest-schedule';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('digest schedule (07:00 Europe/Paris)', () => {
	it.each([
		// winter (UTC+1): 07:00 Paris is 06:00 UTC
		['2026-01-14T06:30:00Z', 'daily', '2026-01-14T06:00:00.000Z'],
		['2026-01-14T05:59:59Z', 'daily', '2026-01-13T06:00:00.000Z'],
		// summer (UTC+2): 07:00 Paris is 05:00 UTC
		['2026-07-01T05:00:00Z', 'daily', '2026-07-01T05:00:00.000Z'],
		// the night of the spring change (29 March 2026)
		['2026-03-29T05:30:00Z', 'daily', '2026-03-29T05:00:00.000Z'],
		['2026-03-29T04:59:00Z', 'daily', '2026-03-28T06:00:00.000Z'],
		// weekly: Mondays; Wednesday 14 January 2026 → Monday 12
		['2026-01-14T12:00:00Z', 'weekly', '2026-01-12T06:00:00.000Z'],
		// Monday before 07:00 → the previous Monday
		['2026-01-12T05:00:00Z', 'weekly', '2026-01-05T06:00:00.000Z'],
		['2026-01-12T06:00:00Z', 'weekly', '2026-01-12T06:00:00.000Z']
	] as const)('at %s the latest %s slot is %s', (now, frequency, slot) => {
		expect(iso(latestDigestSlot(frequency, at(now)))).toBe(slot);
	});

	it('the next slot follows the latest one', () => {
		expect(iso(nextDigestSlot('daily', at('2026-10-24T12:00:00Z')))).toBe('2026-10-25T06:00:00.000Z');
		expect(iso(nextDigestSlot('weekly', at('2026-01-14T12:00:00Z')))).toBe('2026-01-19T06:00:00.000Z');
	});
});
