/** API.md's meeting from a row, for one viewer. */
import { and, eq } from 'drizzle-orm';
import { db } from '$store/db';
import { meetingRsvps, users, type MeetingRow, type Role } from '$store/schema';
import { instantText } from '$lib/domain/meetings/time';
import type { Meeting } from '$lib/domain/meetings/types';
import { inviteUrl, meetingInvite } from './invites';
import { isManager } from './access';

export interface Viewer {
	userId: string | undefined;
	role: Role | null;
}

/** The viewer's answer to a meeting, or null. */
export function answerOf(meetingId: string, userId: string | undefined): Meeting['viewerAnswer'] {
	if (!userId) return null;
	const row = db()
		.select({ answer: meetingRsvps.answer })
		.from(meetingRsvps)
		.where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.userId, userId)))
		.get();
	return row?.answer ?? null;
}

/** The meeting as `viewer` may see it: the invitation link for managers only. */
export function toMeeting(row: MeetingRow, viewer: Viewer): Meeting {
	const creator = db().select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, row.createdBy)).get();
	const meeting: Meeting = {
		id: row.id,
		initiativeId: row.initiativeId,
		title: row.title,
		description: row.description,
		startsAt: instantText(row.localStart, row.timeZone),
		endsAt: instantText(row.localEnd, row.timeZone),
		timeZone: row.timeZone,
		placeName: row.placeName,
		lat: row.lat,
		lng: row.lng,
		status: row.status,
		attending: row.attending,
		viewerAnswer: answerOf(row.id, viewer.userId),
		createdBy: creator ?? { id: row.createdBy, displayName: '' }
	};
	if (isManager(viewer.role)) {
		const invite = meetingInvite(row.id);
		if (invite) meeting.inviteUrl = inviteUrl(invite);
		if (row.hidden) meeting.hidden = true;
	}
	return meeting;
}
