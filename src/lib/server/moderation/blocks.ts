/** Blocks: a person blocks another; neither appears in the other's people search. */
import { and, eq, sql } from 'drizzle-orm';
import { db } from '$store/db';
import { userBlocks, users } from '$store/schema';
import type { PublicUser } from '$lib/types';
import { badRequest, notFound } from '../http/api-error';

/** Blocks `userId` for `blockerId` (idempotent); 404 unknown person, 400 oneself. */
export function blockUser(blockerId: string, userId: string): void {
	if (userId === blockerId) throw badRequest({ userId: 'Vous ne pouvez pas vous bloquer vous-même.' });
	const exists = db().select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
	if (!exists) throw notFound("Cette personne n'existe pas.");
	db().insert(userBlocks).values({ blockerId, blockedId: userId, createdAt: Date.now() }).onConflictDoNothing().run();
}

/** Lifts a block (idempotent). */
export function unblockUser(blockerId: string, userId: string): void {
	db().delete(userBlocks).where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, userId))).run();
}

/** The people `blockerId` blocked, newest first. */
export function listBlocked(blockerId: string): { user: PublicUser; createdAt: string }[] {
	return db()
		.select({ id: users.id, displayName: users.displayName, kind: users.kind, createdAt: userBlocks.createdAt })
		.from(userBlocks)
		.innerJoin(users, eq(users.id, userBlocks.blockedId))
		.where(eq(userBlocks.blockerId, blockerId))
		.orderBy(sql`${userBlocks.createdAt} DESC`)
		.all()
		.map((r) => ({ user: { id: r.id, displayName: r.displayName, kind: r.kind }, createdAt: new Date(r.createdAt).toISOString() }));
}

/**
 * SQL condition over `users u`: not blocked by the viewer and not blocking them, with the viewer's id
 * bound twice. People search adds it to its WHERE (one line), whatever else it filters on.
 */
export const NOT_BLOCKED_WITH_VIEWER =
	'u.id NOT IN (SELECT blocked_id FROM user_blocks WHERE blocker_id = ? UNION SELECT blocker_id FROM user_blocks WHERE blocked_id = ?)';
