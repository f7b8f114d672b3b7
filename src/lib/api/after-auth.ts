/** Where sign-up and log-in lead: back to the page the person came from, joined when asked. */
import { api } from './client';
import { afterAuthRequest, safeNextPath } from '$lib/domain/next-path';

/**
 * Joins the initiative named by `?next=/initiatives/ID&join=1` (if any) and
 * returns the path to go to: `next` when it is a path of this site, else `fallback`.
 * A failed join still leads to the initiative, where "Rejoindre" is offered again.
 */
export async function continueAfterAuth(search: URLSearchParams, fallback: string): Promise<string> {
	const { next, joinId } = afterAuthRequest(search);
	if (joinId) {
		await api(`/api/initiatives/${encodeURIComponent(joinId)}/join`, { method: 'POST' }).catch((err: unknown) =>
			console.warn('join after sign-up failed', err)
		);
	}
	return next ?? fallback;
}

/** The same `next`/`join` parameters, carried from sign-up to log-in and back. */
export function carryNext(search: URLSearchParams, page: '/signup' | '/login'): string {
	const next = safeNextPath(search.get('next'));
	if (!next) return page;
	const params = new URLSearchParams({ next });
	if (search.get('join') === '1') params.set('join', '1');
	return `${page}?${params}`;
}
