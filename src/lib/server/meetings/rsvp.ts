/** Answers: Je viens / Peut-être / Non, one per person, and the count of people coming. */
import { and, count, eq } from 'drizzle-orm';
import { db } from '$store/db';
import { meetingRsvps, meetings, type UserRow } from '$store/schema';
import type { RsvpAnswer } from '$lib/domain/meetings/validation';
import type { Meeting } from '$lib/domain/meetings/types';
import { visibleMeeting } from './access';
import { meetingConflict } from './errors';
import { toMeeting } from './present';

/** Records `user`'s answer (replacing an earlier one) and recounts `attending`. */
export function answerMeeting(user: UserRow, id: string, answer: RsvpAnswer): Meeting {
	const { row, role } = visibleMeeting(id, user.id);
	if (row.status === 'cancelled') throw meetingConflict('meeting_cancelled', 'cancelled');
	db().transaction((tx) => {
		tx.insert(meetingRsvps)
			.values({ meetingId: id, userId: user.id, answer, updatedAt: Date.now() })
			.onConflictDoUpdate({ target: [meetingRsvps.meetingId, meetingRsvps.userId], set: { answer, updatedAt: Date.now() } })
			.run();
		const coming = tx
			.select({ n: count() })
			.from(meetingRsvps)
			.where(and(eq(meetingRsvps.meetingId, id), eq(meetingRsvps.answer, 'yes')))
			.get();
		tx.update(meetings).set({ attending: coming?.n ?? 0 }).where(eq(meetings.id, id)).run();
	});
	return toMeeting(db().select().from(meetings).where(eq(meetings.id, id)).get()!, { userId: user.id, role });
}
