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
import { deliver, track } from './deliver';
import { log } from '../log';

/**
 * Alert rows written per turn. A place in a city alerts thousands of people and each row lands on its
 * recipient's index page (~30 µs): 250 keep a turn under ~10 ms, so the server answers others between.
 */
const ALERT_ROWS_PER_TURN = 250;

type MeetingEvent = DomainEvents['meeting_scheduled'];

function onMeeting(type: 'meeting_scheduled' | 'meeting_updated' | 'meeting_cancelled') {
	return ({ meetingId, initiativeId, actorId }: MeetingEvent) => {
		const info = meetingInfo(meetingId);
		const spec: ActivitySpec = { type, actorId, initiativeId, meetingId, data: info ? { meeting: info } : {} };
		deliver(type, recordForMembers(spec));
	};
}

/** Where initiative `id` is, if it exists. */
function placeOf(id: string): { lat: number; lng: number } | undefined {
	return store().sqlite.prepare('SELECT lat, lng FROM initiatives WHERE id = ?').get(id) as { lat: number; lng: number } | undefined;
}

const nearbySpec = ({ initiativeId, actorId }: DomainEvents['initiative_created'], distanceKm: number, createdAt: number): ActivitySpec => ({
	type: 'initiative_nearby',
	actorId,
	initiativeId,
	data: { distanceKm },
	createdAt
});

/**
 * Writes the alert rows of a new initiative, each person with their own distance, and yields them
 * `perStep` rows at a time (the caller decides what happens between steps). Distances are rounded to
 * 0.5 km: one write per distance, not one per person.
 */
function* writeAlerts(event: DomainEvents['initiative_created'], perStep: number): Generator<Recorded[]> {
	const place = placeOf(event.initiativeId);
	if (!place) return;
	const createdAt = Date.now();
	let step: Recorded[] = [];
	for (const { distanceKm, userIds } of peopleAlertedAt(place.lat, place.lng, event.actorId)) {
		for (let i = 0; i < userIds.length; ) {
			const slice = userIds.slice(i, i + perStep - step.length);
			i += slice.length;
			step.push(...recordForUsers(nearbySpec(event, distanceKm, createdAt), slice));
			if (step.length >= perStep) {
				yield step;
				step = [];
			}
		}
	}
	if (step.length > 0) yield step;
}

/** Alerts people around a new initiative at once, in one transaction (the benchmark's whole cost). */
export function alertNearby(event: DomainEvents['initiative_created']): Recorded[] {
	return store().sqlite.transaction(() => [...writeAlerts(event, Infinity)].flat())();
}

/**
 * As `alertNearby`, off the publisher's path: matched in the next turn (the creator's request is
 * answered first), then written ALERT_ROWS_PER_TURN rows per turn, each step delivered as it lands.
 */
function alertNearbyInTurns(event: DomainEvents['initiative_created']): void {
	const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
	const run = async () => {
		await nextTurn();
		for (const rows of writeAlerts(event, ALERT_ROWS_PER_TURN)) {
			deliver('initiative_nearby', rows);
			await nextTurn();
		}
	};
	track(run().catch((err: unknown) => log.error('nearby_alerts_failed', { initiativeId: event.initiativeId, error: String(err) })));
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
		subscribe('initiative_created', alertNearbyInTurns),
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
