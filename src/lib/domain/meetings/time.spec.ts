import { describe, expect, it } from 'vitest';
import { epochOf, instantText, isTimeZone, resolveMeetingTimes } from './time';

describe('resolveMeetingTimes', () => {
	const cases: [string, Parameters<typeof resolveMeetingTimes>[0], unknown][] = [
		['wall time without offset, default zone, default 2 h', { startsAt: '2026-06-01T19:00' }, { localStart: '2026-06-01T19:00:00', localEnd: '2026-06-01T21:00:00', timeZone: 'Europe/Paris' }],
		['zone offset given (summer)', { startsAt: '2026-03-29T19:00:00+02:00' }, { localStart: '2026-03-29T19:00:00', startsAt: Date.UTC(2026, 2, 29, 17) }],
		['zone offset given (winter)', { startsAt: '2026-03-28T19:00:00+01:00' }, { localStart: '2026-03-28T19:00:00', startsAt: Date.UTC(2026, 2, 28, 18) }],
		['after the October change', { startsAt: '2026-10-25T19:00:00+01:00' }, { localStart: '2026-10-25T19:00:00', startsAt: Date.UTC(2026, 9, 25, 18) }],
		['an instant in UTC is shown in the zone', { startsAt: '2026-06-01T17:00:00Z' }, { localStart: '2026-06-01T19:00:00' }],
		['another offset is an instant too', { startsAt: '2026-06-01T19:00:00+00:00' }, { localStart: '2026-06-01T21:00:00' }],
		['the repeated October hour, later offset', { startsAt: '2026-10-25T02:30:00+01:00' }, { localStart: '2026-10-25T02:30:00', startsAt: Date.UTC(2026, 9, 25, 1, 30) }],
		['the repeated October hour, earlier offset', { startsAt: '2026-10-25T02:30:00+02:00' }, { localStart: '2026-10-25T02:30:00', startsAt: Date.UTC(2026, 9, 25, 0, 30) }],
		['2 h across the March change ends at 04:30', { startsAt: '2026-03-29T01:30' }, { localEnd: '2026-03-29T04:30:00' }],
		['explicit end', { startsAt: '2026-06-01T19:00', endsAt: '2026-06-01T20:30' }, { localEnd: '2026-06-01T20:30:00' }],
		['skipped wall time', { startsAt: '2026-03-29T02:30:00+01:00' }, { field: 'startsAt', error: 'nonexistent_time' }],
		['skipped wall time without offset', { startsAt: '2026-03-29T02:30' }, { field: 'startsAt', error: 'nonexistent_time' }],
		['skipped end', { startsAt: '2026-03-29T01:00', endsAt: '2026-03-29T02:15' }, { field: 'endsAt', error: 'nonexistent_time' }],
		['end before start', { startsAt: '2026-06-01T19:00', endsAt: '2026-06-01T18:00' }, { field: 'endsAt', error: 'end_before_start' }],
		['end equal to start', { startsAt: '2026-06-01T19:00', endsAt: '2026-06-01T19:00' }, { field: 'endsAt', error: 'end_before_start' }],
		['not a date', { startsAt: 'demain soir' }, { field: 'startsAt', error: 'invalid_date' }],
		['31 February', { startsAt: '2026-02-31T19:00' }, { field: 'startsAt', error: 'invalid_date' }],
		['hour 25', { startsAt: '2026-02-01T25:00' }, { field: 'startsAt', error: 'invalid_date' }],
		['unknown zone', { startsAt: '2026-06-01T19:00', timeZone: 'Mars/Olympus' }, { field: 'timeZone', error: 'time_zone' }],
		['offset is not a zone', { startsAt: '2026-06-01T19:00', timeZone: '+02:00' }, { field: 'timeZone', error: 'time_zone' }],
		['another zone', { startsAt: '2026-06-01T19:00', timeZone: 'America/Martinique' }, { startsAt: Date.UTC(2026, 5, 1, 23) }]
	];
	it.each(cases)('%s', (_, input, expected) => {
		expect(resolveMeetingTimes(input)).toMatchObject(expected as object);
	});
});

describe('instantText and epochOf', () => {
	it.each([
		['2026-03-28T19:00:00', '2026-03-28T19:00:00+01:00'],
		['2026-03-29T19:00:00', '2026-03-29T19:00:00+02:00'],
		['2026-10-24T19:00:00', '2026-10-24T19:00:00+02:00'],
		['2026-10-25T19:00:00', '2026-10-25T19:00:00+01:00']
	])('%s Paris → %s', (local, text) => {
		expect(instantText(local, 'Europe/Paris')).toBe(text);
		expect(epochOf(local, 'Europe/Paris')).toBe(Date.parse(text));
	});
	it('knows zone names', () => {
		expect(isTimeZone('Europe/Paris')).toBe(true);
		expect(isTimeZone('UTC')).toBe(true);
		expect(isTimeZone('Europe/Nowhere')).toBe(false);
	});
});
