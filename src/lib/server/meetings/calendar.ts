/**
 * iCalendar (RFC 5545) output through ical-generator: wall times with their
 * TZID and a VTIMEZONE per zone (timezones-ical-library), so a 19:00 Paris
 * meeting reads 19:00 Paris in every calendar app on both sides of a
 * daylight-saving change. UIDs are stable; SEQUENCE grows with each change.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { Temporal } from 'temporal-polyfill';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { db } from '$store/db';
import { initiatives, meetings, memberships, type MeetingRow } from '$store/schema';
import { translator } from '$lib/i18n/translate';
import { requireInitiativeRow } from '../initiatives/present';

const t = translator('fr');
/** At most this many meetings in one calendar (the latest first). */
const CALENDAR_CAP = 1000;

/** The VTIMEZONE block of an IANA zone, or null when the library does not know it (UTC dates then). */
function vtimezone(zone: string): string | null {
	const block = tzlib_get_ical_block(zone);
	return Array.isArray(block) && block[0] ? block[0] : null;
}

/** An RFC 5545 calendar of `rows`, with links back to `origin`. */
export function buildCalendar(name: string, rows: MeetingRow[], origin: string): string {
	const calendar = ical({ name, prodId: { company: 'Kohero', product: 'Meetings', language: 'FR' } });
	calendar.timezone({ name: null, generator: vtimezone });
	for (const row of rows) {
		calendar.createEvent({
			id: `${row.id}@kohero`,
			sequence: row.sequence,
			stamp: new Date(row.updatedAt),
			start: Temporal.PlainDateTime.from(row.localStart),
			end: Temporal.PlainDateTime.from(row.localEnd),
			timezone: row.timeZone,
			summary: row.title,
			description: row.description || undefined,
			location:
				row.lat !== null && row.lng !== null
					? { title: row.placeName || `${row.lat}, ${row.lng}`, geo: { lat: row.lat, lon: row.lng } }
					: row.placeName || undefined,
			url: `${origin}/initiatives/${row.initiativeId}`,
			status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return calendar.toString();
}

/** `GET /api/initiatives/:id/meetings.ics`: the initiative's visible meetings. */
export function initiativeCalendar(initiativeId: string, origin: string): string {
	const initiative = requireInitiativeRow(initiativeId);
	const rows = db()
		.select()
		.from(meetings)
		.where(and(eq(meetings.initiativeId, initiativeId), eq(meetings.hidden, false)))
		.orderBy(desc(meetings.startsAt))
		.limit(CALENDAR_CAP)
		.all();
	return buildCalendar(t('meetings.calendar.name', { title: initiative.title }), rows, origin);
}

/** One meeting as a calendar ("Ajouter à mon agenda"); `row` is one the viewer may see. */
export function singleMeetingCalendar(row: MeetingRow, origin: string): string {
	return buildCalendar(row.title, [row], origin);
}

/** The visible meetings of every initiative `userId` belongs to (the private feed). */
export function memberCalendar(userId: string, origin: string): string {
	const mine = db().select({ id: memberships.initiativeId }).from(memberships).where(eq(memberships.userId, userId)).all();
	const ids = mine.map((m) => m.id);
	const rows = ids.length
		? db()
				.select({ meeting: meetings })
				.from(meetings)
				.innerJoin(initiatives, eq(initiatives.id, meetings.initiativeId))
				.where(and(inArray(meetings.initiativeId, ids), eq(meetings.hidden, false)))
				.orderBy(desc(meetings.startsAt))
				.limit(CALENDAR_CAP)
				.all()
				.map((r) => r.meeting)
		: [];
	return buildCalendar(t('meetings.calendar.mine'), rows, origin);
}

/** A text/calendar response. */
export function calendarResponse(body: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="${filename}"`,
			'cache-control': 'private, max-age=0'
		}
	});
}
