/**
 * What a request is, judged the way SvelteKit routed it: `/%61pi/me` reaches
 * the `/api/me` endpoint, so every check keyed on "is this the API" must see
 * the route (or the decoded path), never the raw one.
 */
import type { RequestEvent } from '@sveltejs/kit';

/** Whether the request is for the JSON API, by the route SvelteKit resolved or else the decoded path. */
export function isApiRequest(event: Pick<RequestEvent, 'route' | 'url'>): boolean {
	if (event.route.id?.startsWith('/api/')) return true;
	return decodedPath(event.url.pathname).startsWith('/api/');
}

/** The path with its percent-escapes decoded (left as is when they are malformed). */
export function decodedPath(pathname: string): string {
	try {
		return decodeURIComponent(pathname);
	} catch {
		return pathname;
	}
}

/**
 * Responses to a signed-in person may carry their personal data (pages,
 * `__data.json`, `/api/me`…): no shared cache may keep them, no browser cache either.
 */
export function keepPrivate(headers: Headers, signedIn: boolean): void {
	if (signedIn) headers.set('cache-control', 'private, no-store');
}
