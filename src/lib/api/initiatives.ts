/** Loading an initiative for a page (SSR or browser) with SvelteKit's fetch. */
import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import type { Initiative, Member, Role } from '$lib/types';
import { request } from './client';

/** The local copy (Dexie), loaded only in the browser and only when used. */
const localCache = () => import('$lib/local/cache/store');

export interface InitiativeView {
	initiative: Initiative;
	viewerRole: Role | null;
	/** Hidden pending moderation (seen only by its owners/admins and moderators). */
	hidden?: boolean;
}

type Fetch = typeof fetch;

/**
 * The initiative and the viewer's role; a 404 page for unknown or malformed ids.
 * In the browser the answer is kept locally, and used when the network is down
 * (including initiatives created offline that the server has not seen yet).
 */
export async function fetchInitiative(fetch: Fetch, id: string): Promise<InitiativeView> {
	const { status, body } = await request<InitiativeView>(`/api/initiatives/${encodeURIComponent(id)}`, { fetch });
	if (status === 0 && browser) {
		const local = await localCache()
			.then((cache) => cache.readInitiative(id))
			.catch(() => undefined);
		if (local) return { initiative: local.initiative, viewerRole: local.viewerRole };
	}
	if (status === 0) error(503, 'Initiative indisponible hors connexion.');
	if (status === 404 && browser) await import('$lib/local/cache/forget').then((local) => local.forgetInitiative(id)).catch(() => undefined);
	if (status === 404 || status === 400) error(404, 'Initiative introuvable.');
	if (status < 200 || status >= 300 || !body) error(status >= 500 || !body ? 503 : status, 'Initiative indisponible.');
	const view = body;
	if (browser) await localCache().then((cache) => cache.saveInitiative(view.initiative, view.viewerRole)).catch(() => undefined);
	return view;
}

/** Its members, or null when they cannot be listed (the page still shows the rest). */
export async function fetchMembers(fetch: Fetch, id: string): Promise<Member[] | null> {
	const { status, body } = await request<{ items: Member[] }>(`/api/initiatives/${encodeURIComponent(id)}/members`, { fetch });
	return status === 200 && body ? body.items : null;
}
