import { browser } from '$app/environment';
import { error, redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';
import type { MyInitiative } from '$lib/local/cache/my-initiatives';
import { request } from '$lib/api/client';

/** Offline (or the server unreachable), the browser shows its local copy instead of an error. */
async function localList(): Promise<MyInitiative[]> {
	const { readLocalMine } = await import('$lib/local/cache/my-initiatives');
	return readLocalMine();
}

async function serverList(fetch: typeof globalThis.fetch): Promise<MyInitiative[] | null> {
	const { status, body } = await request<{ items: MyInitiative[] }>('/api/me/initiatives', { fetch });
	if (status === 401) redirect(303, '/login');
	if (status !== 200 || !body) return null;
	const { items } = body;
	if (!browser) return items;
	const { mergeServerMine } = await import('$lib/local/cache/my-initiatives');
	return mergeServerMine(items);
}

export const load: PageLoad = async ({ fetch, parent }) => {
	const { user } = await parent();
	if (!user) redirect(303, '/login');
	if (browser) {
		// The local cache is read only once it is known to be this person's.
		const { deviceReadyFor } = await import('$lib/local/device/start');
		await deviceReadyFor(user.id);
	}
	const offline = browser && !navigator.onLine;
	const items = (offline ? null : await serverList(fetch)) ?? (browser ? await localList() : null);
	if (!items) error(503, 'Impossible de charger vos initiatives.');
	return {
		owned: items.filter((i) => i.role === 'owner'),
		joined: items.filter((i) => i.role !== 'owner'),
		offline
	};
};
