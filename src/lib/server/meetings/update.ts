/** Editing and cancelling a meeting (owner/admin); each change grows its iCalendar SEQUENCE. */
import { eq, sql } from 'drizzle-orm';
import { db } from '$store/db';
import { invites, meetings, type UserRow } from '$store/schema';
import type { MeetingPatch } from '$lib/domain/meetings/validation';
import type { MeetingTimes } from '$lib/domain/meetings/time';
import type { Meeting } from '$lib/domain/meetings/types';
import { publish } from '../events';
import { managedMeeting } from './access';
import { placeOrThrow, timesOrThrow } from './create';
import { MEETING_INVITE_GRACE_MS } from './invites';
import { toMeeting } from './present';

const reread = (id: string) => db().select().from(meetings).where(eq(meetings.id, id)).get()!;

/** `PATCH /api/meetings/:id`: a new start keeps the duration unless a new end is given. */
export function patchMeeting(user: UserRow | null, id: string, patch: MeetingPatch): Meeting {
	const { row, role } = managedMeeting(id, user);
	const timeChanged = patch.startsAt !== undefined || patch.endsAt !== undefined || patch.timeZone !== undefined;
	const times: Partial<MeetingTimes> = timeChanged
		? timesOrThrow({
				startsAt: patch.startsAt ?? row.localStart,
				endsAt: patch.endsAt ?? (patch.startsAt !== undefined ? undefined : row.localEnd),
				timeZone: patch.timeZone ?? row.timeZone,
				durationMs: row.endsAt - row.startsAt
			})
		: {};
	const placeGiven = patch.lat !== undefined || patch.lng !== undefined;
	const pick = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);
	const place = placeGiven ? placeOrThrow(pick(patch.lat, row.lat), pick(patch.lng, row.lng)) : {};
	db().transaction((tx) => {
		tx.update(meetings)
			.set({
				...(patch.title !== undefined && { title: patch.title }),
				...(patch.description !== undefined && { description: patch.description }),
				...(patch.placeName !== undefined && { placeName: patch.placeName }),
				...times,
				...place,
				sequence: sql`${meetings.sequence} + 1`,
				updatedAt: Date.now()
			})
			.where(eq(meetings.id, id))
			.run();
		if (times.endsAt !== undefined) {
			tx.update(invites).set({ expiresAt: times.endsAt + MEETING_INVITE_GRACE_MS }).where(eq(invites.meetingId, id)).run();
		}
	});
	publish('meeting_updated', { meetingId: id, initiativeId: row.initiativeId, actorId: user!.id });
	return toMeeting(reread(id), { userId: user!.id, role });
}

/** `POST /api/meetings/:id/cancel`: idempotent; calendars then show STATUS:CANCELLED. */
export function cancelMeeting(user: UserRow | null, id: string): Meeting {
	const { row, role } = managedMeeting(id, user);
	if (row.status !== 'cancelled') {
		db().update(meetings)
			.set({ status: 'cancelled', sequence: sql`${meetings.sequence} + 1`, updatedAt: Date.now() })
			.where(eq(meetings.id, id))
			.run();
		publish('meeting_cancelled', { meetingId: id, initiativeId: row.initiativeId, actorId: user!.id });
	}
	return toMeeting(reread(id), { userId: user!.id, role });
}
