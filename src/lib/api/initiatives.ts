/** Loading an initiative for a page (SSR or browser) with SvelteKit's fetch. */
import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import type { Initiative, Member, Role } from '$lib/types';

/** The local copy (Dexie), loaded only in the browser and only when used. */
const localCache = () => import('$lib/local/cache');

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
	const response = await fetch(`/api/initiatives/${encodeURIComponent(id)}`).catch(() => null);
	if (!response && browser) {
		const local = await localCache()
			.then((cache) => cache.readInitiative(id))
			.catch(() => undefined);
		if (local) return { initiative: local.initiative, viewerRole: local.viewerRole };
	}
	if (!response) error(503, 'Initiative indisponible hors connexion.');
	if (response.status === 404 && browser) await import('$lib/local/forget').then((local) => local.forgetInitiative(id)).catch(() => undefined);
	if (response.status === 404 || response.status === 400) error(404, 'Initiative introuvable.');
	if (!response.ok) error(response.status >= 500 ? 503 : response.status, 'Initiative indisponible.');
	const view = (await response.json()) as InitiativeView;
	if (browser) await localCache().then((cache) => cache.saveInitiative(view.initiative, view.viewerRole)).catch(() => undefined);
	return view;
}

/** Its members, or null when they cannot be listed (the page still shows the rest). */
export async function fetchMembers(fetch: Fetch, id: string): Promise<Member[] | null> {
	const response = await fetch(`/api/initiatives/${encodeURIComponent(id)}/members`).catch(() => null);
	if (!response?.ok) return null;
	return ((await response.json()) as { items: Member[] }).items;
}
