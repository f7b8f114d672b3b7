/**
 * Who belongs to an initiative and with which role. Every change updates
 * `member_count` in the same transaction and is published to the relay,
 * which grants or revokes write access on open sockets at once.
 */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { db, type Db } from '$store/db';
import { initiatives, memberships, users, type Role, type UserRow } from '$store/schema';
import { publish } from '../events';
import type { Member } from '$lib/types';
import { toPublicUser } from '../users';
import { conflict, forbidden, notFound } from '../http/api-error';
import { requireInitiativeRow } from './present';
import { initiativeVisibility } from '../moderation/visibility';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** `userId`'s role in initiative `initiativeId`, or null. */
export function roleOf(initiativeId: string, userId: string | undefined): Role | null {
	if (!userId) return null;
	const row = db()
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.initiativeId, initiativeId), eq(memberships.userId, userId)))
		.get();
	return row?.role ?? null;
}

/** Sets `member_count` from the memberships, inside `tx`. */
export function recountMembers(tx: Tx, initiativeId: string): void {
	tx.update(initiatives)
		.set({
			memberCount: sql`(SELECT count(*) FROM ${memberships} WHERE ${memberships.initiativeId} = ${initiativeId})`
		})
		.where(eq(initiatives.id, initiativeId))
		.run();
}

/** Joins as member; idempotent, and an owner or admin keeps their role. Returns the role held. */
export function joinInitiative(user: UserRow, initiativeId: string): Role {
	requireInitiativeRow(initiativeId);
	const role = db().transaction((tx) => {
		const current = tx
			.select({ role: memberships.role })
			.from(memberships)
			.where(and(eq(memberships.initiativeId, initiativeId), eq(memberships.userId, user.id)))
			.get();
		if (current) return { role: current.role, changed: false };
		tx.insert(memberships).values({ initiativeId, userId: user.id, role: 'member', joinedAt: Date.now() }).run();
		recountMembers(tx, initiativeId);
		return { role: 'member' as const, changed: true };
	});
	if (role.changed) publish('membership_changed', { initiativeId, userId: user.id, role: role.role });
	if (role.changed) publish('member_joined', { initiativeId, userId: user.id });
	return role.role;
}

/**
 * Joins as `joinInitiative` does, an initiative `user` may see: a hidden one is 404 for
 * them (initiativeVisibility), as it is on every other path. What people ask to join goes through here.
 */
export function joinVisibleInitiative(user: UserRow, initiativeId: string): Role {
	initiativeVisibility(initiativeId, user.id);
	return joinInitiative(user, initiativeId);
}

/** Leaves the initiative (idempotent); the last owner cannot leave (409). */
export function leaveInitiative(user: UserRow, initiativeId: string): void {
	requireInitiativeRow(initiativeId);
	const changed = db().transaction((tx) => {
		const mine = and(eq(memberships.initiativeId, initiativeId), eq(memberships.userId, user.id));
		const current = tx.select({ role: memberships.role }).from(memberships).where(mine).get();
		if (!current) return false;
		if (current.role === 'owner') {
			const owners = tx
				.select({ n: count() })
				.from(memberships)
				.where(and(eq(memberships.initiativeId, initiativeId), eq(memberships.role, 'owner')))
				.get();
			if ((owners?.n ?? 0) <= 1) {
				throw conflict('last_owner', 'Vous êtes la dernière personne responsable : vous ne pouvez pas quitter cette initiative.');
			}
		}
		tx.delete(memberships).where(mine).run();
		if (current.role === 'owner') handOverOwnership(tx, initiativeId, user.id);
		recountMembers(tx, initiativeId);
		return true;
	});
	if (changed) publish('membership_changed', { initiativeId, userId: user.id, role: null });
}

/**
 * When the owner shown on the initiative leaves, the longest-standing remaining
 * owner is shown instead (there is one: the last owner cannot leave).
 */
function handOverOwnership(tx: Tx, initiativeId: string, leaverId: string): void {
	const shown = tx.select({ ownerId: initiatives.ownerId }).from(initiatives).where(eq(initiatives.id, initiativeId)).get();
	if (shown?.ownerId !== leaverId) return;
	const next = tx
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.initiativeId, initiativeId), eq(memberships.role, 'owner')))
		.orderBy(asc(memberships.joinedAt))
		.get();
	if (next) tx.update(initiatives).set({ ownerId: next.userId }).where(eq(initiatives.id, initiativeId)).run();
}

/**
 * The owner makes a member admin, an admin member again, or anyone a co-owner
 * (so that a founder can hand the initiative over and leave). Returns the new role.
 */
export function setMemberRole(owner: UserRow, initiativeId: string, userId: string, role: Role): Role {
	requireInitiativeRow(initiativeId);
	if (roleOf(initiativeId, owner.id) !== 'owner') {
		throw forbidden('Seul·e le ou la propriétaire peut changer les rôles.');
	}
	const current = roleOf(initiativeId, userId);
	if (!current) throw notFound("Cette personne n'est pas membre de l'initiative.");
	if (current === 'owner') throw conflict('owner_role', 'Le rôle du ou de la propriétaire ne peut pas être changé ici.');
	if (current !== role) {
		db()
			.update(memberships)
			.set({ role })
			.where(and(eq(memberships.initiativeId, initiativeId), eq(memberships.userId, userId)))
			.run();
		publish('membership_changed', { initiativeId, userId, role });
		publish('role_changed', { initiativeId, userId, role, actorId: owner.id });
	}
	return role;
}

const ROLE_ORDER: Record<Role, number> = { owner: 0, admin: 1, member: 2 };

/** Members of an initiative: owners, then admins, then members, each by join date. */
export function listMembers(initiativeId: string): Member[] {
	requireInitiativeRow(initiativeId);
	const rows = db()
		.select({ user: users, role: memberships.role, joinedAt: memberships.joinedAt })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.initiativeId, initiativeId))
		.orderBy(asc(memberships.joinedAt), asc(users.id))
		.all();
	return rows
		.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
		.map((r) => ({ user: toPublicUser(r.user), role: r.role, joinedAt: new Date(r.joinedAt).toISOString() }));
}
