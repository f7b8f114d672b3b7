/**
 * Inviting a neighbour found in Voisin·es (owner/admin): the invitation goes
 * through the `person_invited` event (activity and mail are the notifications'
 * job). The inviter learns nothing about the person beyond what Voisin·es shows.
 */
import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { users, type UserRow } from '$store/schema';
import { roleOf } from '../initiatives/membership';
import { publish } from '../events';
import { notFound } from '../http/api-error';
import { meetingConflict, meetingMessage } from './errors';
import { requireManager } from './access';
import { insertInvite } from './invites';

const INVITE_DAYS = 14;

/** Invites `userId` (a discoverable person) to `initiativeId`; 404 for anyone Voisin·es does not show. */
export function invitePerson(actor: UserRow, initiativeId: string, userId: string, baseUrl: string): void {
	requireManager(initiativeId, actor);
	const person = db().select({ id: users.id, discoverable: users.discoverable }).from(users).where(eq(users.id, userId)).get();
	if (!person || !person.discoverable || person.id === actor.id) throw notFound(meetingMessage('person_not_found'));
	if (roleOf(initiativeId, userId)) throw meetingConflict('already_member', 'already_member');
	const invite = insertInvite({ initiativeId, createdBy: actor.id, baseUrl, expiresAt: Date.now() + INVITE_DAYS * 86_400_000 });
	publish('person_invited', { initiativeId, userId, actorId: actor.id, inviteUrl: invite.url });
}
