/** Log-in with per-email and per-IP failure limits and no account enumeration. */
import { ApiError } from '../http/api-error';
import { findUserByEmail } from '../users';
import type { UserRow } from '$store/schema';
import { decoyHash, verifyPassword } from './password';
import { loginFailures } from './rate-limit';

const INVALID = () =>
	new ApiError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');

/** The user behind these credentials, or 401 / 429 (with Retry-After). */
export async function checkCredentials(email: string, password: string, ip: string): Promise<UserRow> {
	const keys = [`email:${email}`, `ip:${ip}`];
	const wait = Math.max(...keys.map((k) => loginFailures.retryAfter(k)));
	if (wait > 0) {
		throw new ApiError(
			429,
			'too_many_attempts',
			`Trop de tentatives. Réessayez dans ${Math.ceil(wait / 60)} min.`,
			undefined,
			{ 'retry-after': String(wait) }
		);
	}
	const user = findUserByEmail(email);
	const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
	if (!user || !ok) {
		for (const k of keys) loginFailures.fail(k);
		throw INVALID();
	}
	loginFailures.reset(`email:${email}`);
	return user;
}
