/**
 * The outbox kinds of meetings: scheduling (with a client-chosen id, so the
 * meeting exists on this device at once and a replay never duplicates it) and
 * answering. Both carry the initiative id, so the runner refreshes it after.
 */
import type { MeetingCreate, RsvpAnswer } from '$lib/domain/meetings/validation';

export type MeetingMutation =
	| { kind: 'meeting_create'; initiativeId: string; meetingId: string; body: MeetingCreate & { id: string } }
	| { kind: 'meeting_rsvp'; initiativeId: string; meetingId: string; body: { answer: RsvpAnswer } };

/** True for a meeting change (so the generic transport hands it here). */
export function isMeetingMutation(mutation: { kind: string }): mutation is MeetingMutation {
	return mutation.kind === 'meeting_create' || mutation.kind === 'meeting_rsvp';
}

/** The API request a meeting change replays as (API.md "Meetings"). */
export function meetingRequest(mutation: MeetingMutation): { method: string; path: string; body: unknown } {
	const id = encodeURIComponent(mutation.kind === 'meeting_create' ? mutation.initiativeId : mutation.meetingId);
	return mutation.kind === 'meeting_create'
		? { method: 'POST', path: `/api/initiatives/${id}/meetings`, body: mutation.body }
		: { method: 'POST', path: `/api/meetings/${id}/rsvp`, body: mutation.body };
}
