/**
 * An owner or admin removes a member: their write access on open sockets ends
 * at once (membership change with role null), and they are told (role_changed).
 * Owners may remove admins and members; admins only members; owners are not removed here.
 */
import { and, eq } from 'drizzle-orm';
import { db } from '$store/db';
import { memberships, type UserRow } from '$store/schema';
import { badRequest, forbidden, notFound } from '../http/api-error';
import { publish } from '../events';
import { recountMembers } from '../initiatives/membership';
import { requireInitiativeRow } from '../initiatives/present';

const roleIn = (initiativeId: string, userId: string) =>
	db()
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.initiativeId, initiativeId), eq(memberships.userId, userId)))
		.get()?.role ?? null;

/** Removes `userId` from initiative `initiativeId` on behalf of `actor` (owner/admin). */
export function removeMember(actor: UserRow, initiativeId: string, userId: string): void {
	requireInitiativeRow(initiativeId);
	const actorRole = roleIn(initiativeId, actor.id);
	if (actorRole !== 'owner' && actorRole !== 'admin') {
		throw forbidden('Seuls les responsables de cette initiative peuvent retirer un membre.');
	}
	if (userId === actor.id) throw badRequest({ userId: 'Pour partir vous-même, quittez l’initiative.' });
	const role = roleIn(initiativeId, userId);
	if (!role) throw notFound("Cette personne n'est pas membre de l'initiative.");
	if (role === 'owner' || (role === 'admin' && actorRole !== 'owner')) {
		throw forbidden('Vous ne pouvez pas retirer une personne responsable de cette initiative.');
	}
	db().transaction((tx) => {
		tx.delete(memberships).where(and(eq(memberships.initiativeId, initiativeId), eq(memberships.userId, userId))).run();
		recountMembers(tx, initiativeId);
	});
	publish('membership_changed', { initiativeId, userId, role: null });
	publish('role_changed', { initiativeId, userId, role: null, actorId: actor.id });
}
