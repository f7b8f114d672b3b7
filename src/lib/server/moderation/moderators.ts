/** Who moderates: granted and withdrawn by the operator (`npm run admin -- moderator …`). */
import { asc, eq } from 'drizzle-orm';
import { db } from '$store/db';
import { moderators, users } from '$store/schema';
import { forbidden } from '../http/api-error';

/** Whether `userId` is a moderator. */
export function isModerator(userId: string | undefined): boolean {
	if (!userId) return false;
	return db().select({ userId: moderators.userId }).from(moderators).where(eq(moderators.userId, userId)).get() !== undefined;
}

/** 403 unless `userId` is a moderator. */
export function requireModerator(userId: string): void {
	if (!isModerator(userId)) throw forbidden('Cette page est réservée aux modérateurs et modératrices.');
}

/** Makes the account with this e-mail a moderator; false when there is no such account. */
export function grantModerator(email: string): boolean {
	const user = db().select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).get();
	if (!user) return false;
	db().insert(moderators).values({ userId: user.id, grantedAt: Date.now() }).onConflictDoNothing().run();
	return true;
}

/** Withdraws the moderator role; false when the e-mail is unknown. */
export function revokeModerator(email: string): boolean {
	const user = db().select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).get();
	if (!user) return false;
	db().delete(moderators).where(eq(moderators.userId, user.id)).run();
	return true;
}

/** Every moderator, oldest first. */
export function listModerators(): { email: string; displayName: string; grantedAt: number }[] {
	return db()
		.select({ email: users.email, displayName: users.displayName, grantedAt: moderators.grantedAt })
		.from(moderators)
		.innerJoin(users, eq(users.id, moderators.userId))
		.orderBy(asc(moderators.grantedAt))
		.all();
}
