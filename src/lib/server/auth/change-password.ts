import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { users, type UserRow } from '$store/schema';
import { ApiError } from '../http/api-error';
import { hashPassword, verifyPassword } from './password';
import { invalidateUserSessions } from './session';
import { limitedPasswordCheck } from './attempts';

/**
 * Replaces a password after checking the current one (a failure counts like a
 * failed log-in: a stolen session cannot guess the password), and ends every
 * other session of the account: whoever knew the old password is logged out
 * everywhere but here. Their open sockets close (4401).
 */
export async function changePassword(
	user: UserRow,
	currentSessionId: string,
	ip: string,
	currentPassword: string,
	newPassword: string
): Promise<void> {
	const ok = await limitedPasswordCheck(user.email, ip, () => verifyPassword(user.passwordHash, currentPassword));
	if (!ok) {
		throw new ApiError(403, 'wrong_password', 'Le mot de passe actuel est incorrect.', {
			currentPassword: 'Le mot de passe actuel est incorrect.'
		});
	}
	const passwordHash = await hashPassword(newPassword);
	db().update(users).set({ passwordHash, updatedAt: Date.now() }).where(eq(users.id, user.id)).run();
	invalidateUserSessions(user.id, currentSessionId);
}
