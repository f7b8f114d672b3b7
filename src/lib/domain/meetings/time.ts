/**
 * Meeting times: what people agree on is a wall time in a place's time zone
 * ("19:00 in Paris"), so that is what is stored; instants are computed from
 * it with Temporal, and a 19:00 meeting stays at 19:00 across daylight-saving
 * changes. Pure: no clock, no I/O.
 */
import { Temporal } from 'temporal-polyfill';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
/** Default length of a meeting when no end is given. */
export const DEFAULT_DURATION_HOURS = 2;

/** Why a time cannot be used; each is an i18n key under `meetings.errors`. */
export type TimeError = 'invalid_date' | 'nonexistent_time' | 'time_zone' | 'end_before_start';

/** A resolved meeting time: the wall times in `timeZone` and the instants they name. */
export interface MeetingTimes {
	timeZone: string;
	/** `YYYY-MM-DDTHH:MM:SS` in `timeZone`. */
	localStart: string;
	localEnd: string;
	startsAt: number;
	endsAt: number;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/** True for an IANA zone name the runtime knows (`Europe/Paris`, `UTC`), not a bare offset. */
export function isTimeZone(name: string): boolean {
	if (!ZONE_NAME.test(name)) return false;
	try {
		Temporal.Now.zonedDateTimeISO(name);
		return true;
	} catch {
		return false;
	}
}

function plain(date: string, time: string): Temporal.PlainDateTime | null {
	try {
		return Temporal.PlainDateTime.from(`${date}T${time}`, { overflow: 'reject' }).round({ smallestUnit: 'second' });
	} catch {
		return null;
	}
}

/** True when `local` does not exist in `timeZone` (skipped by a daylight-saving change). */
export function isSkipped(local: Temporal.PlainDateTime, timeZone: string): boolean {
	const zoned = local.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
	return !zoned.toPlainDateTime().equals(local);
}

/**
 * Reads an RFC 3339 date-time as a wall time in `timeZone`. Without an offset
 * the digits are the wall time; with the zone's own offset too. With `Z` or
 * another offset it names an instant, shown in the zone. Digits that name a
 * wall time the zone skips (02:30 on 2026-03-29 in Paris) are refused.
 */
export function readWallTime(text: string, timeZone: string): Temporal.ZonedDateTime | TimeError {
	const m = DATE_TIME.exec(text.trim());
	if (!m) return 'invalid_date';
	const local = plain(m[1], m[2]);
	if (!local) return 'invalid_date';
	const offset = m[3]?.toUpperCase();
	if (offset === 'Z') return Temporal.Instant.from(`${local.toString()}Z`).toZonedDateTimeISO(timeZone);
	if (isSkipped(local, timeZone)) return 'nonexistent_time';
	const inZone = local.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
	if (!offset) return inZone;
	const normalized = offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
	// The zone's other offset on an ambiguous hour (the repeated 02:30 in October) is the later one.
	const chosen = [inZone, local.toZonedDateTime(timeZone, { disambiguation: 'later' })].find((z) => z.offset === normalized);
	if (chosen) return chosen;
	return Temporal.Instant.from(`${local.toString()}${normalized}`).toZonedDateTimeISO(timeZone);
}

/** `YYYY-MM-DDTHH:MM:SS`, the stored wall time. */
export const wallTimeText = (zoned: Temporal.ZonedDateTime): string =>
	zoned.toPlainDateTime().toString({ smallestUnit: 'second' });

/** RFC 3339 with the zone's offset at that wall time, e.g. `2026-03-29T19:00:00+02:00`. */
export function instantText(localTime: string, timeZone: string): string {
	return Temporal.PlainDateTime.from(localTime)
		.toZonedDateTime(timeZone, { disambiguation: 'compatible' })
		.toString({ smallestUnit: 'second', timeZoneName: 'never' });
}

/** The instant (ms) of a stored wall time. */
export function epochOf(localTime: string, timeZone: string): number {
	return Temporal.PlainDateTime.from(localTime).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** Start and end (default: `durationMs` later, else 2 h) of a meeting, or the field and reason it cannot be. */
export function resolveMeetingTimes(input: {
	startsAt: string;
	endsAt?: string;
	timeZone?: string;
	durationMs?: number;
}): MeetingTimes | { field: 'startsAt' | 'endsAt' | 'timeZone'; error: TimeError } {
	const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
	if (!isTimeZone(timeZone)) return { field: 'timeZone', error: 'time_zone' };
	const start = readWallTime(input.startsAt, timeZone);
	if (typeof start === 'string') return { field: 'startsAt', error: start };
	const duration = input.durationMs ? { milliseconds: input.durationMs } : { hours: DEFAULT_DURATION_HOURS };
	const end = input.endsAt === undefined ? start.add(duration) : readWallTime(input.endsAt, timeZone);
	if (typeof end === 'string') return { field: 'endsAt', error: end };
	if (Temporal.ZonedDateTime.compare(end, start) <= 0) return { field: 'endsAt', error: 'end_before_start' };
	return {
		timeZone,
		localStart: wallTimeText(start),
		localEnd: wallTimeText(end),
		startsAt: start.epochMilliseconds,
		endsAt: end.epochMilliseconds
	};
}
