/** Log-in with per-email and per-IP failure limits and no account enumeration. */
import { ApiError } from '../http/api-error';
import { findUserByEmail } from '../users';
import type { UserRow } from '$store/schema';
import { decoyHash, verifyPassword } from './password';
import { limitedPasswordCheck } from './attempts';
import { startSession, type AuthRequest } from './start-session';
import { assertNotSuspended } from '../moderation/suspension';

const INVALID = () =>
	new ApiError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');

/** The user behind these credentials, or 401 / 429 (with Retry-After). */
export async function checkCredentials(email: string, password: string, ip: string): Promise<UserRow> {
	const user = findUserByEmail(email);
	const ok = await limitedPasswordCheck(email, ip, async () => {
		// An unknown e-mail costs the same hash, so timing does not tell which accounts exist.
		const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
		return Boolean(user) && valid;
	});
	if (!user || !ok) throw INVALID();
	return user;
}

/**
 * Checks the credentials, refuses a suspended account (403 account_suspended),
 * and starts a session (replacing the request's own). The one log-in path.
 */
export async function logIn(email: string, password: string, request: AuthRequest): Promise<UserRow> {
	const user = await checkCredentials(email, password, request.ip);
	assertNotSuspended(user);
	startSession(request.cookies, request.url, user.id, request.previousSessionId);
	return user;
}
