/**
 * What this device keeps about the signed-in person, and how to forget it:
 * the Dexie cache and outbox, the y-indexeddb workspace documents, and the
 * service worker's caches of pages and API answers. The precached app itself
 * and map tiles are not personal and stay, so the app still opens offline.
 */
import { RUNTIME_CACHES } from './sw-routes';
import { DB_NAME, localDb } from './db';

/** Empties the caches holding pages and API answers seen while signed in. */
export async function clearPersonalCaches(): Promise<void> {
	if (typeof caches === 'undefined') return;
	const names = await caches.keys();
	await Promise.all(names.filter(RUNTIME_CACHES.isPersonal).map((name) => caches.delete(name)));
}

/** Deletes every IndexedDB database of this origin (Dexie's and each Yjs document's). */
async function deleteDatabases(): Promise<void> {
	localDb().close();
	const names = new Set<string>([DB_NAME]);
	if ('databases' in indexedDB) {
		for (const info of await indexedDB.databases()) if (info.name) names.add(info.name);
	}
	await Promise.all(
		[...names].map(
			(name) =>
				new Promise<void>((resolve, reject) => {
					const request = indexedDB.deleteDatabase(name);
					request.onsuccess = () => resolve();
					request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
					// Another tab holds it open: it is deleted once that tab closes it.
					request.onblocked = () => resolve();
				})
		)
	);
}

/** "Effacer les données de cet appareil". */
export async function clearDeviceData(): Promise<void> {
	await clearPersonalCaches();
	await deleteDatabases();
}

/**
 * Makes sure the local data belongs to `userId`: another person's cache and
 * unsent changes must never show or be sent under this account.
 */
export async function claimDeviceData(userId: string): Promise<void> {
	const db = localDb();
	const owner = (await db.meta.get('userId'))?.value;
	if (owner === userId) return;
	await db.transaction('rw', [db.outbox, db.feed, db.initiatives, db.profile, db.meta], async () => {
		if (owner !== undefined) await Promise.all([db.outbox.clear(), db.feed.clear(), db.initiatives.clear(), db.profile.clear()]);
		await db.meta.put({ key: 'userId', value: userId });
	});
	if (owner !== undefined) await clearPersonalCaches();
}
