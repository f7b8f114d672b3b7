/**
 * Turns domain events into activity rows (and then mail and push): who is
 * told of what is decided here, in one place.
 */
import { store } from '$store/db';
import { subscribe, type DomainEvents } from '../events';
import { excerptOf } from '$lib/domain/notifications';
import { recordForMembers, recordForUsers, type ActivitySpec, type Recorded } from './record';
import { peopleAlertedAt } from './nearby';
import { meetingInfo } from './meeting-info';
import { deliver } from './deliver';

type MeetingEvent = DomainEvents['meeting_scheduled'];

function onMeeting(type: 'meeting_scheduled' | 'meeting_updated' | 'meeting_cancelled') {
	return ({ meetingId, initiativeId, actorId }: MeetingEvent) => {
		const info = meetingInfo(meetingId);
		const spec: ActivitySpec = { type, actorId, initiativeId, meetingId, data: info ? { meeting: info } : {} };
		deliver(type, recordForMembers(spec));
	};
}

/** Alerts people around a new initiative, each with their own distance. */
export function alertNearby({ initiativeId, actorId }: DomainEvents['initiative_created']): Recorded[] {
	const { sqlite } = store();
	const initiative = sqlite.prepare('SELECT lat, lng FROM initiatives WHERE id = ?').get(initiativeId) as { lat: number; lng: number } | undefined;
	if (!initiative) return [];
	// Distances are rounded to 0.5 km: one write per distance, not one per person.
	const alerted = peopleAlertedAt(initiative.lat, initiative.lng, actorId);
	const createdAt = Date.now();
	return sqlite.transaction(() =>
		alerted.flatMap(({ distanceKm, userIds }) =>
			recordForUsers({ type: 'initiative_nearby', actorId, initiativeId, data: { distanceKm }, createdAt }, userIds)
		)
	)();
}

/** Subscribes the activity recorder to every domain event; returns the unsubscribe function. */
export function subscribeActivity(): () => void {
	const stops = [
		subscribe('member_joined', ({ initiativeId, userId }) =>
			deliver('member_joined', recordForMembers({ type: 'member_joined', actorId: userId, initiativeId }, true))
		),
		subscribe('role_changed', ({ initiativeId, userId, role, actorId }) =>
			deliver('role_changed', recordForUsers({ type: 'role_changed', actorId, initiativeId, data: { role } }, [userId]))
		),
		subscribe('initiative_created', (event) => deliver('initiative_nearby', alertNearby(event))),
		subscribe('meeting_scheduled', onMeeting('meeting_scheduled')),
		subscribe('meeting_updated', onMeeting('meeting_updated')),
		subscribe('meeting_cancelled', onMeeting('meeting_cancelled')),
		subscribe('moderation_decision', ({ userId, statement, initiativeId }) =>
			deliver(
				'moderation_decision',
				recordForUsers({ type: 'moderation_decision', actorId: null, initiativeId, excerpt: excerptOf(statement, 500) }, [userId])
			)
		),
		subscribe('person_invited', ({ initiativeId, userId, actorId, inviteUrl }) =>
			deliver('invitation', recordForUsers({ type: 'invitation', actorId, initiativeId, data: { inviteUrl } }, [userId]), {
				actionUrl: inviteUrl
			})
		)
	];
	return () => {
		for (const stop of stops) stop();
	};
}
