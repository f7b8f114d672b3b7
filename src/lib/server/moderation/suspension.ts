/**
 * Suspended accounts: no log-in (403 `account_suspended`), every session ends
 * at once (their sockets close with 4401 and nothing they send is stored).
 */
import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { users, type UserRow } from '$store/schema';
import { ApiError } from '../http/api-error';
import { invalidateUserSessions } from '../auth/session';

/** Suspends `userId` and ends all their sessions now. */
export function suspendUser(userId: string): void {
	db().update(users).set({ suspendedAt: Date.now() }).where(eq(users.id, userId)).run();
	invalidateUserSessions(userId);
}

/** Lifts a suspension (a moderator restored the account). */
export function liftSuspension(userId: string): void {
	db().update(users).set({ suspendedAt: null }).where(eq(users.id, userId)).run();
}

/** Takes a person out of people search (a moderator hid their profile). */
export function hideProfile(userId: string): void {
	db().update(users).set({ discoverable: false }).where(eq(users.id, userId)).run();
}

/** 403 `account_suspended` for a suspended account; called once the password is checked. */
export function assertNotSuspended(user: Pick<UserRow, 'suspendedAt'>): void {
	if (user.suspendedAt !== null) {
		throw new ApiError(
			403,
			'account_suspended',
			'Votre compte a été suspendu par la modération. Vous avez reçu la décision et ses motifs par e-mail ; pour la contester, répondez à ce message.'
		);
	}
}
