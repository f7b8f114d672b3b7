/** Meeting changes made on this device and not yet accepted: shown at once, as the server will show them. */
import { localDb } from '../db';
import { kickOutbox } from '../outbox';
import type { MeetingCreate, RsvpAnswer } from '$lib/domain/meetings/validation';
import type { Meeting } from '$lib/domain/meetings/types';
import { resolveMeetingTimes, instantText } from '$lib/domain/meetings/time';
import { isMeetingMutation, type MeetingMutation } from './outbox';

async function pendingMeetingChanges(): Promise<MeetingMutation[]> {
	const entries = await localDb().outbox.where('state').equals('pending').sortBy('seq');
	return entries.flatMap((e) => (isMeetingMutation(e.mutation) ? [e.mutation] : []));
}

/** Queues a new meeting; the caller shows it right away from `pendingMeetings`. */
export async function queueMeeting(initiativeId: string, body: MeetingCreate & { id: string }): Promise<void> {
	await localDb().outbox.add({
		mutation: { kind: 'meeting_create', initiativeId, meetingId: body.id, body },
		createdAt: Date.now(),
		state: 'pending',
		attempts: 0,
		nextAttemptAt: 0
	});
	kickOutbox();
}

/** Queues an answer (Je viens / Peut-être / Non). */
export async function queueAnswer(initiativeId: string, meetingId: string, answer: RsvpAnswer): Promise<void> {
	await localDb().outbox.add({
		mutation: { kind: 'meeting_rsvp', initiativeId, meetingId, body: { answer } },
		createdAt: Date.now(),
		state: 'pending',
		attempts: 0,
		nextAttemptAt: 0
	});
	kickOutbox();
}

/** A queued meeting shaped like the server's answer (`pending` marks it). */
export function pendingMeetingView(m: Extract<MeetingMutation, { kind: 'meeting_create' }>, me: { id: string; displayName: string }): Meeting & { pending: true } {
	const times = resolveMeetingTimes(m.body);
	const ok = !('error' in times);
	return {
		id: m.meetingId,
		initiativeId: m.initiativeId,
		title: m.body.title,
		description: m.body.description,
		startsAt: ok ? instantText(times.localStart, times.timeZone) : m.body.startsAt,
		endsAt: ok ? instantText(times.localEnd, times.timeZone) : (m.body.endsAt ?? m.body.startsAt),
		timeZone: ok ? times.timeZone : (m.body.timeZone ?? 'Europe/Paris'),
		placeName: m.body.placeName,
		lat: m.body.lat ?? null,
		lng: m.body.lng ?? null,
		status: 'confirmed',
		attending: 0,
		viewerAnswer: null,
		createdBy: me,
		pending: true
	};
}

/** Meetings of `initiativeId` (or every one) created on this device and not yet accepted. */
export async function pendingMeetings(me: { id: string; displayName: string }, initiativeId?: string): Promise<(Meeting & { pending: true })[]> {
	return (await pendingMeetingChanges()).flatMap((m) =>
		m.kind === 'meeting_create' && (!initiativeId || m.initiativeId === initiativeId) ? [pendingMeetingView(m, me)] : []
	);
}

/** This device's latest answer to `meetingId` not yet accepted, or null. */
export async function pendingAnswer(meetingId: string): Promise<RsvpAnswer | null> {
	const answers = (await pendingMeetingChanges()).filter((m) => m.kind === 'meeting_rsvp' && m.meetingId === meetingId);
	const last = answers[answers.length - 1];
	return last?.kind === 'meeting_rsvp' ? last.body.answer : null;
}
