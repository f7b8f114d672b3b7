/**
 * Forgetting an initiative the server no longer shows (hidden by moderation,
 * or gone): its local copies and cached API answers, so an offline start or a
 * cached list does not bring it back.
 */
import { localDb } from '../db';
import { RUNTIME_CACHES } from '../../../service-worker/routes';

/** Drops initiative `id` from the device's cache, the feed and the service worker's API cache. */
export async function forgetInitiative(id: string): Promise<void> {
	const db = localDb();
	await db.initiatives.delete(id);
	await db.feed.where('id').equals(id).delete();
	if (typeof caches === 'undefined') return;
	const cache = await caches.open(RUNTIME_CACHES.api);
	const base = `/api/initiatives/${encodeURIComponent(id)}`;
	await Promise.all([cache.delete(base), cache.delete(`${base}/members`)]);
	// Pages as last seen, of every app version.
	const page = `/initiatives/${encodeURIComponent(id)}`;
	for (const name of await caches.keys()) {
		if (!name.startsWith('kohero-pages-') && !name.startsWith('kohero-data-')) continue;
		const pages = await caches.open(name);
		await Promise.all([pages.delete(page), pages.delete(`${page}/__data.json`, { ignoreSearch: true })]);
	}
}
