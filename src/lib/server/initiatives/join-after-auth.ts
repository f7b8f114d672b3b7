/** "Join after signing up / logging in", for the forms posted without JavaScript. */
import type { UserRow } from '$store/schema';
import { afterAuthRequest } from '$lib/domain/next-path';
import { log } from '$lib/log';
import { joinVisibleInitiative } from './membership';

/**
 * Joins the initiative named by `?next=/initiatives/ID&join=1` (if any) and returns
 * where to go: `next` when it is a path of this site, else `fallback`. A failed join
 * still leads to the initiative, where « Rejoindre » is offered again (as in the browser:
 * $lib/api/after-auth).
 */
export function continueAfterAuthOnServer(user: UserRow, search: URLSearchParams, fallback: string): string {
	const { next, joinId } = afterAuthRequest(search);
	if (joinId) {
		try {
			joinVisibleInitiative(user, joinId);
		} catch (err) {
			log.warn('join_after_auth_failed', { initiativeId: joinId, error: String(err) });
		}
	}
	return next ?? fallback;
}
