/** Scheduling a meeting, idempotent on a client-chosen id (offline outbox retries). */
import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { meetings, type UserRow } from '$store/schema';
import { newId } from '$lib/domain/ids';
import { resolveMeetingTimes, type MeetingTimes } from '$lib/domain/meetings/time';
import type { MeetingCreate } from '$lib/domain/meetings/validation';
import type { Meeting } from '$lib/domain/meetings/types';
import { publish } from '../events';
import { fieldError, meetingConflict } from './errors';
import { requireManager } from './access';
import { insertInvite, MEETING_INVITE_GRACE_MS } from './invites';
import { toMeeting } from './present';

/** The resolved times, or a French 400 naming the field. */
export function timesOrThrow(input: Parameters<typeof resolveMeetingTimes>[0]): MeetingTimes {
	const times = resolveMeetingTimes(input);
	if ('error' in times) throw fieldError(times.field, times.error);
	return times;
}

/** Latitude and longitude come together or not at all. */
export function placeOrThrow(lat: number | null | undefined, lng: number | null | undefined): { lat: number | null; lng: number | null } {
	if ((lat ?? null) === null && (lng ?? null) === null) return { lat: null, lng: null };
	if (typeof lat !== 'number' || typeof lng !== 'number') throw fieldError(typeof lat === 'number' ? 'lng' : 'lat', 'place');
	return { lat, lng };
}

/**
 * Schedules a meeting of `initiativeId` (owner/admin) with its invitation link.
 * The same id from the same person returns the existing meeting; from anyone
 * else, or in another initiative, it is a 409.
 */
export function createMeeting(user: UserRow, initiativeId: string, input: MeetingCreate, baseUrl: string): { meeting: Meeting; created: boolean } {
	const role = requireManager(initiativeId, user);
	const id = input.id ?? newId();
	const existing = db().select().from(meetings).where(eq(meetings.id, id)).get();
	if (existing) {
		if (existing.createdBy !== user.id || existing.initiativeId !== initiativeId) throw meetingConflict('id_taken', 'id_taken');
		return { meeting: toMeeting(existing, { userId: user.id, role }), created: false };
	}
	const times = timesOrThrow(input);
	const place = placeOrThrow(input.lat, input.lng);
	const now = Date.now();
	db().transaction((tx) => {
		tx.insert(meetings)
			.values({
				id,
				initiativeId,
				createdBy: user.id,
				title: input.title,
				description: input.description,
				...times,
				placeName: input.placeName,
				...place,
				createdAt: now,
				updatedAt: now
			})
			.run();
	});
	insertInvite({ initiativeId, meetingId: id, createdBy: user.id, baseUrl, expiresAt: times.endsAt + MEETING_INVITE_GRACE_MS });
	publish('meeting_scheduled', { meetingId: id, initiativeId, actorId: user.id });
	const row = db().select().from(meetings).where(eq(meetings.id, id)).get()!;
	return { meeting: toMeeting(row, { userId: user.id, role }), created: true };
}
