/**
 * Password reset by e-mail: the same answer whether the address exists or
 * not, rate-limited, a 1 h single-use link of which only a hash is stored;
 * the reset ends every session of the person (their sockets close).
 */
import { eq } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { db, store } from '$store/db';
import { passwordResets, users, type UserRow } from '$store/schema';
import type { Locale } from '$lib/i18n/catalog';
import { ApiError, tooManyRequests } from '../http/api-error';
import { FailureLimiter, loginFailures } from '../auth/rate-limit';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { findUserByEmail } from '../users';
import { sendMail } from '../mail';
import { log } from '../log';
import { prefsRow } from './prefs';
import { passwordResetMail } from './mail/password-reset-mail';

export const RESET_LIFETIME_MS = 60 * 60 * 1000;
/** Requests count like failures: 5 per address and 20 per IP per hour. */
const byEmail = new FailureLimiter(5, RESET_LIFETIME_MS);
const byIp = new FailureLimiter(20, RESET_LIFETIME_MS);

const hashOf = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

function tooMany(wait: number): ApiError {
	return tooManyRequests(wait, () => 'Trop de demandes. Réessayez plus tard.');
}

/**
 * Sends a reset link to `email` if it has an account. Resolves at once either
 * way (the mail leaves in the background), so timing says nothing either.
 */
export function requestPasswordReset(email: string, ip: string, origin: string, locale: Locale): void {
	const wait = Math.max(byIp.retryAfter(ip), byEmail.retryAfter(email));
	if (wait > 0) throw tooMany(wait);
	byIp.fail(ip);
	byEmail.fail(email);
	const user = findUserByEmail(email);
	if (!user) return;
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	const token = encodeBase32LowerCaseNoPadding(bytes);
	const now = Date.now();
	db().insert(passwordResets).values({ tokenHash: hashOf(token), userId: user.id, expiresAt: now + RESET_LIFETIME_MS, createdAt: now }).run();
	const mailLocale = prefsRow(user.id, locale).locale;
	const mail = passwordResetMail(mailLocale, user.displayName, `${origin}/reset/${token}`);
	sendMail({ to: user.email, ...mail }).catch((err: unknown) => log.error('reset_mail_failed', { error: String(err) }));
}

const invalidToken = () =>
	new ApiError(400, 'invalid_token', 'Ce lien n’est plus valable. Demandez-en un nouveau.', { token: 'Lien invalide ou expiré.' });

/** Uses a reset token once: sets the password, ends every session; returns the person (to sign them in). */
export async function confirmPasswordReset(token: string, password: string): Promise<UserRow> {
	const passwordHash = await hashPassword(password);
	const now = Date.now();
	const { sqlite } = store();
	const userId = sqlite.transaction(() => {
		const used = sqlite
			.prepare('UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id AS userId')
			.get(now, hashOf(token), now) as { userId: string } | undefined;
		if (!used) return null;
		// Other links sent before are worthless once the password changed.
		sqlite.prepare('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(now, used.userId);
		sqlite.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, now, used.userId);
		return used.userId;
	})();
	if (!userId) throw invalidToken();
	invalidateUserSessions(userId);
	const user = db().select().from(users).where(eq(users.id, userId)).get();
	if (!user) throw invalidToken();
	loginFailures.reset(`email:${user.email}`);
	return user;
}
