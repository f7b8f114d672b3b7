import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { users, type UserRow } from '$store/schema';
import { ApiError } from '../http/api-error';
import { hashPassword, verifyPassword } from './password';
import { invalidateUserSessions } from './session';

/**
 * Replaces a password after checking the current one, and ends every session
 * of the account: whoever knew the old password is logged out everywhere.
 */
export async function changePassword(user: UserRow, currentPassword: string, newPassword: string): Promise<void> {
	if (!(await verifyPassword(user.passwordHash, currentPassword))) {
		throw new ApiError(403, 'wrong_password', 'Le mot de passe actuel est incorrect.', {
			currentPassword: 'Le mot de passe actuel est incorrect.'
		});
	}
	const passwordHash = await hashPassword(newPassword);
	db().update(users).set({ passwordHash, updatedAt: Date.now() }).where(eq(users.id, user.id)).run();
	invalidateUserSessions(user.id);
}
