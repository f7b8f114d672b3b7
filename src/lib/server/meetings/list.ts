/** Lists of meetings: an initiative's (upcoming/past), those near a point, and the next one per initiative. */
import { and, asc, desc, eq, gt, inArray, lte, min } from 'drizzle-orm';
import { db, store } from '$store/db';
import { initiatives, meetings, type UserRow } from '$store/schema';
import { findMeetingsNear } from '$store/meeting-proximity';
import { roundKm } from '$lib/domain/geo';
import type { Meeting, NearbyMeeting } from '$lib/domain/meetings/types';
import { roleOf } from '../initiatives/membership';
import { requireInitiativeRow } from '../initiatives/present';
import { isManager } from './access';
import { toMeeting } from './present';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Upcoming (not yet ended, soonest first) or past (latest first) meetings of an initiative; hidden ones for managers only. */
export function listInitiativeMeetings(initiativeId: string, when: 'upcoming' | 'past', viewer: UserRow | null): Meeting[] {
	requireInitiativeRow(initiativeId);
	const role = roleOf(initiativeId, viewer?.id);
	const now = Date.now();
	const rows = db()
		.select()
		.from(meetings)
		.where(
			and(
				eq(meetings.initiativeId, initiativeId),
				when === 'upcoming' ? gt(meetings.endsAt, now) : lte(meetings.endsAt, now),
				isManager(role) ? undefined : eq(meetings.hidden, false)
			)
		)
		.orderBy(when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt), asc(meetings.id))
		.limit(200)
		.all();
	return rows.map((row) => toMeeting(row, { userId: viewer?.id, role }));
}

/** Confirmed, visible meetings within the radius in the next `days`, soonest first, with their initiative. */
export function listMeetingsNear(
	q: { lat: number; lng: number; radiusKm: number; days: number; limit: number },
	viewer: UserRow | null
): NearbyMeeting[] {
	const from = Date.now();
	const hits = findMeetingsNear(store().sqlite, { ...q, from, to: from + q.days * DAY_MS });
	if (hits.length === 0) return [];
	const rows = db()
		.select({ meeting: meetings, title: initiatives.title })
		.from(meetings)
		.innerJoin(initiatives, eq(initiatives.id, meetings.initiativeId))
		.where(inArray(meetings.pk, hits.map((h) => h.pk)))
		.all();
	const byPk = new Map(rows.map((r) => [r.meeting.pk, r]));
	return hits.flatMap((hit) => {
		const found = byPk.get(hit.pk);
		if (!found) return [];
		const meeting = toMeeting(found.meeting, { userId: viewer?.id, role: roleOf(found.meeting.initiativeId, viewer?.id) });
		return [{ ...meeting, distanceKm: roundKm(hit.distanceKm), initiative: { id: found.meeting.initiativeId, title: found.title } }];
	});
}

/** Start (RFC 3339, UTC) of the next confirmed visible meeting of each initiative, for feed cards. */
export function nextMeetingTimes(initiativeIds: string[]): Map<string, string> {
	const out = new Map<string, string>();
	if (initiativeIds.length === 0) return out;
	const rows = db()
		.select({ initiativeId: meetings.initiativeId, next: min(meetings.startsAt) })
		.from(meetings)
		.where(
			and(
				inArray(meetings.initiativeId, initiativeIds),
				gt(meetings.startsAt, Date.now()),
				eq(meetings.status, 'confirmed'),
				eq(meetings.hidden, false)
			)
		)
		.groupBy(meetings.initiativeId)
		.all();
	for (const row of rows) if (row.next !== null) out.set(row.initiativeId, new Date(row.next).toISOString());
	return out;
}

/** Adds `nextMeetingAt` (or null) to initiative items (API addition for feed cards). */
export function withNextMeetings<T extends { id: string }>(items: T[]): (T & { nextMeetingAt: string | null })[] {
	const next = nextMeetingTimes(items.map((i) => i.id));
	return items.map((item) => ({ ...item, nextMeetingAt: next.get(item.id) ?? null }));
}
