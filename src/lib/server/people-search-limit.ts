/**
 * People searches per person: generous for real browsing (600 an hour by
 * default, PEOPLE_SEARCH_LIMIT_PER_HOUR), a wall for anyone sweeping radii to
 * map where people live.
 */
import { tooManyRequests } from './http/api-error';
import { WindowLimiter } from './auth/rate-limit';
import { positiveIntEnv } from './env-number';

const HOUR = 60 * 60 * 1000;
const searches = new WindowLimiter(positiveIntEnv('PEOPLE_SEARCH_LIMIT_PER_HOUR', 600), HOUR);

/** Counts one people search by `userId`, or 429 (with Retry-After) beyond the hour's budget. */
export function countPeopleSearch(userId: string): void {
	const wait = searches.reserve([userId]);
	if (wait > 0) throw tooManyRequests(wait, (minutes) => `Trop de recherches de voisin·es. Réessayez dans ${minutes} min.`);
}
