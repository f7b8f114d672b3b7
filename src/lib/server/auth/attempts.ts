/**
 * Guessing limits for anything that checks a password (log-in, password
 * change): one budget of 10 failures per e-mail and per IP in 15 minutes.
 * The attempt is counted before the password is checked, so of many parallel
 * guesses at most 10 are ever checked.
 */
import { tooManyRequests, type ApiError } from '../http/api-error';
import { loginFailures } from './rate-limit';

/** 429 with Retry-After, in French. */
export function tooManyAttempts(waitSeconds: number): ApiError {
	return tooManyRequests(waitSeconds, (minutes) => `Trop de tentatives. Réessayez dans ${minutes} min.`, 'too_many_attempts');
}

/**
 * Counts one password attempt for `email` from `ip` (429 when either is spent),
 * runs `check`, and gives the attempt back if it returned true: a success
 * clears the e-mail's failures and does not count against the IP.
 */
export async function limitedPasswordCheck(email: string, ip: string, check: () => Promise<boolean>): Promise<boolean> {
	const emailKey = `email:${email}`;
	const ipKey = `ip:${ip}`;
	const at = Date.now();
	const wait = loginFailures.reserve([emailKey, ipKey], at);
	if (wait > 0) throw tooManyAttempts(wait);
	const ok = await check();
	if (ok) {
		loginFailures.reset(emailKey);
		loginFailures.release(ipKey, at);
	}
	return ok;
}
