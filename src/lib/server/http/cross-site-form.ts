/**
 * SvelteKit's cross-site form check, moved here so that exactly one route can
 * be exempt: RFC 8058 one-click unsubscribe, which mail providers POST as a
 * form with no cookie and no Origin. Its unguessable token is its protection.
 * (svelte.config.js turns Kit's built-in check off: `csrf.trustedOrigins: ['*']`.)
 */
import type { Handle } from '@sveltejs/kit';

const ONE_CLICK_UNSUBSCRIBE = /^\/api\/unsubscribe\/[a-z2-7]{16,64}$/;
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The one request exempt from cross-site checks: POST /api/unsubscribe/:token. */
export function isOneClickUnsubscribe(method: string, pathname: string): boolean {
	return method === 'POST' && ONE_CLICK_UNSUBSCRIBE.test(pathname);
}

function isForm(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	return FORM_TYPES.includes(type);
}

/** Refuses form submissions from another origin (or none), as SvelteKit does, except the one-click unsubscribe. */
export const refuseCrossSiteForms: Handle = ({ event, resolve }) => {
	const { request, url } = event;
	if (!WRITES.includes(request.method) || !isForm(request) || isOneClickUnsubscribe(request.method, url.pathname)) return resolve(event);
	if (request.headers.get('origin') === url.origin) return resolve(event);
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	if (request.headers.get('accept') === 'application/json') {
		return new Response(JSON.stringify({ message }), { status: 403, headers: { 'content-type': 'application/json' } });
	}
	return new Response(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
