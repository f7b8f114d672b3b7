import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over https. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.set(SESSION_COOKIE, '', {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: url.protocol === 'https:',
		maxAge: 0
	});
}
