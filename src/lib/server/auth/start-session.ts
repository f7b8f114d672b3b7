import type { Cookies } from '@sveltejs/kit';
import { createSession, generateSessionToken, invalidateSession } from './session';
import { setSessionCookie } from './cookie';

/**
 * Issues a fresh token and cookie for `userId`. A session the browser already
 * carried is deleted, so a token planted before log-in is worthless after it.
 */
export function startSession(cookies: Cookies, url: URL, userId: string, previousSessionId?: string): void {
	if (previousSessionId) invalidateSession(previousSessionId);
	const token = generateSessionToken();
	const session = createSession(token, userId);
	setSessionCookie(cookies, url, token, session.expiresAt);
}
