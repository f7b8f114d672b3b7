/** Loading an initiative for a page (SSR or browser) with SvelteKit's fetch. */
import { error } from '@sveltejs/kit';
import type { Initiative, Member, Role } from '$lib/types';

export interface InitiativeView {
	initiative: Initiative;
	viewerRole: Role | null;
}

type Fetch = typeof fetch;

/** The initiative and the viewer's role; a 404 page for unknown or malformed ids. */
export async function fetchInitiative(fetch: Fetch, id: string): Promise<InitiativeView> {
	const response = await fetch(`/api/initiatives/${encodeURIComponent(id)}`);
	if (response.status === 404 || response.status === 400) error(404, 'Initiative introuvable.');
	if (!response.ok) error(response.status >= 500 ? 503 : response.status, 'Initiative indisponible.');
	return (await response.json()) as InitiativeView;
}

/** Its members, or null when they cannot be listed (the page still shows the rest). */
export async function fetchMembers(fetch: Fetch, id: string): Promise<Member[] | null> {
	const response = await fetch(`/api/initiatives/${encodeURIComponent(id)}/members`).catch(() => null);
	if (!response?.ok) return null;
	return ((await response.json()) as { items: Member[] }).items;
}
