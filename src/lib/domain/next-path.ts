/** Where to go after signing up or logging in: only a path of this site. Pure. */

const BASE = 'http://kohero.invalid';

/**
 * `next` as a same-origin path (with its query and hash), or null when it is
 * missing or could lead elsewhere (`//evil.example`, `/\evil`, `https://…`,
 * `javascript:`): an open redirect would let a link send people to a look-alike site.
 */
export function safeNextPath(next: string | null | undefined): string | null {
	if (!next || next.length > 512 || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
	if (/[\u0000-\u001f\\]/.test(next)) return null;
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE) return null;
	return `${url.pathname}${url.search}${url.hash}`;
}

/** The initiative id a `next` path points at (`/initiatives/ID`), for "join after signing up". */
export function initiativeIdOf(path: string | null): string | null {
	const match = path ? /^\/initiatives\/([A-Za-z0-9_-]{8,64})$/.exec(path.split(/[?#]/)[0]) : null;
	return match ? match[1] : null;
}

/**
 * What `?next=…&join=1` asks of signing up or logging in: where to go after (a path of
 * this site, or null) and the initiative to join first (only with `join=1`, only one `next` names).
 */
export function afterAuthRequest(search: URLSearchParams): { next: string | null; joinId: string | null } {
	const next = safeNextPath(search.get('next'));
	return { next, joinId: search.get('join') === '1' ? initiativeIdOf(next) : null };
}

/** The sign-up (or log-in) link that comes back to an initiative and joins it. */
export function joinLink(page: '/signup' | '/login', initiativeId: string): string {
	return `${page}?${new URLSearchParams({ next: `/initiatives/${initiativeId}`, join: '1' })}`;
}
