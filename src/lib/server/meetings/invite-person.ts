/**
 * Inviting a neighbour found in Voisin·es (owner/admin): the invitation goes
 * through the `person_invited` event (activity and mail are the notifications'
 * job). The inviter learns nothing about the person beyond what Voisin·es shows.
 * Nobody can flood a neighbour: the same person is told once per invitation
 * period (asking again answers the same, and sends nothing), and an inviter
 * reaches at most INVITE_PERSON_LIMIT_PER_HOUR (30) people an hour.
 */
import { and, eq, gt } from 'drizzle-orm';
import { db } from '$store/db';
import { users, type UserRow } from '$store/schema';
import { activity } from '$store/schema-notify';
import { WindowLimiter } from '../auth/rate-limit';
import { positiveIntEnv } from '../env-number';
import { roleOf } from '../initiatives/membership';
import { publish } from '../events';
import { notFound, tooManyRequests } from '../http/api-error';
import { meetingConflict, meetingMessage } from './errors';
import { requireManager } from './access';
import { insertInvite } from './invites';

const INVITE_DAYS = 14;
const HOUR = 60 * 60 * 1000;
const invitesPerInviter = new WindowLimiter(positiveIntEnv('INVITE_PERSON_LIMIT_PER_HOUR', 30), HOUR);

/** Whether `userId` was already told of an invitation to `initiativeId` within the invitation period. */
function alreadyInvited(initiativeId: string, userId: string, now: number): boolean {
	const since = now - INVITE_DAYS * 86_400_000;
	const row = db()
		.select({ id: activity.id })
		.from(activity)
		.where(and(eq(activity.userId, userId), eq(activity.type, 'invitation'), eq(activity.initiativeId, initiativeId), gt(activity.createdAt, since)))
		.get();
	return row !== undefined;
}

function countInvitation(actorId: string): void {
	const wait = invitesPerInviter.reserve([actorId]);
	if (wait > 0) throw tooManyRequests(wait, (minutes) => meetingMessage('too_many_invitations', { minutes }));
}

/** Invites `userId` (a discoverable person) to `initiativeId`; 404 for anyone Voisin·es does not show. */
export function invitePerson(actor: UserRow, initiativeId: string, userId: string, baseUrl: string): void {
	requireManager(initiativeId, actor);
	const person = db().select({ id: users.id, discoverable: users.discoverable }).from(users).where(eq(users.id, userId)).get();
	if (!person || !person.discoverable || person.id === actor.id) throw notFound(meetingMessage('person_not_found'));
	if (roleOf(initiativeId, userId)) throw meetingConflict('already_member', 'already_member');
	const now = Date.now();
	if (alreadyInvited(initiativeId, userId, now)) return;
	countInvitation(actor.id);
	const invite = insertInvite({ initiativeId, createdBy: actor.id, baseUrl, expiresAt: now + INVITE_DAYS * 86_400_000 });
	publish('person_invited', { initiativeId, userId, actorId: actor.id, inviteUrl: invite.url });
}
