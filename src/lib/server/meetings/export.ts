/** One's own answers and the meetings one scheduled, for the personal data export. */
import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { meetingRsvps, meetings } from '$store/schema';
import { instantText } from '$lib/domain/meetings/time';

/** `{answers, scheduled}` of `userId`. */
export function myMeetingsExport(userId: string) {
	const answers = db()
		.select({ meetingId: meetingRsvps.meetingId, answer: meetingRsvps.answer, updatedAt: meetingRsvps.updatedAt, title: meetings.title })
		.from(meetingRsvps)
		.innerJoin(meetings, eq(meetings.id, meetingRsvps.meetingId))
		.where(eq(meetingRsvps.userId, userId))
		.all()
		.map((a) => ({ ...a, updatedAt: new Date(a.updatedAt).toISOString() }));
	const scheduled = db()
		.select()
		.from(meetings)
		.where(eq(meetings.createdBy, userId))
		.all()
		.map((m) => ({
			id: m.id,
			initiativeId: m.initiativeId,
			title: m.title,
			description: m.description,
			startsAt: instantText(m.localStart, m.timeZone),
			endsAt: instantText(m.localEnd, m.timeZone),
			timeZone: m.timeZone,
			placeName: m.placeName,
			status: m.status
		}));
	return { answers, scheduled };
}
