import type { Cookies } from '@sveltejs/kit';
import { createSession, generateSessionToken, invalidateSession } from './session';
import { setSessionCookie } from './cookie';

/** What signing up or logging in needs of the request (the API's and the pages' forms alike). */
export interface AuthRequest {
	cookies: Cookies;
	url: URL;
	ip: string;
	/** The session the browser already carried, ended by the new one. */
	previousSessionId?: string;
}

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
