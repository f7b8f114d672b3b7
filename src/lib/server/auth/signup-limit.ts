/**
 * Sign-ups per IP: each one costs an argon2 hash, so one address may create at
 * most SIGNUP_LIMIT_PER_HOUR accounts (default 10) in an hour.
 */
import { tooManyRequests } from '../http/api-error';
import { WindowLimiter } from './rate-limit';
import { positiveIntEnv } from '../env-number';

const HOUR = 60 * 60 * 1000;
const signups = new WindowLimiter(positiveIntEnv('SIGNUP_LIMIT_PER_HOUR', 10), HOUR);

/** Counts one sign-up from `ip`, or 429 (with Retry-After) when the hour's budget is spent. */
export function countSignup(ip: string): void {
	const wait = signups.reserve([`ip:${ip}`]);
	if (wait > 0) throw tooManyRequests(wait, (minutes) => `Trop de créations de compte depuis cette adresse. Réessayez dans ${minutes} min.`, 'too_many_signups');
}
