/**
 * What this device keeps about the signed-in person, and how to forget it:
 * the Dexie cache and outbox, the y-indexeddb workspace documents, small
 * per-document notes in localStorage, and the service worker's caches of pages
 * and API answers. The precached app itself and map tiles are not personal and
 * stay, so the app still opens offline.
 */
import { RUNTIME_CACHES } from '../../../service-worker/routes';
import { DB_NAME, localDb } from '../db';

/** Workspace copies are named `kohero-doc-<docId>` (local-copy.ts). */
const isWorkspaceDb = (name: string) => name.startsWith('kohero-doc-');
/** Per-document notes (last seen, last synced) kept in localStorage. */
const isPersonalKey = (key: string) => key.startsWith('kohero.lastSeen.') || key.startsWith('kohero.lastSynced.');

/** Empties the caches holding pages and API answers seen while signed in. */
export async function clearPersonalCaches(): Promise<void> {
	if (typeof caches === 'undefined') return;
	const names = await caches.keys();
	await Promise.all(names.filter(RUNTIME_CACHES.isPersonal).map((name) => caches.delete(name)));
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
		// Another tab holds it open: it is deleted once that tab closes it.
		request.onblocked = () => resolve();
	});
}

async function databaseNames(): Promise<string[]> {
	if (!('databases' in indexedDB)) return [];
	return (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : []));
}

/** Deletes every workspace document kept on this device (another person's must not be read). */
export async function clearWorkspaceCopies(): Promise<void> {
	const names = (await databaseNames()).filter(isWorkspaceDb);
	await Promise.all(names.map(deleteDatabase));
	try {
		const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '');
		for (const key of keys.filter(isPersonalKey)) localStorage.removeItem(key);
	} catch {
		/* storage blocked: nothing was kept there either */
	}
}

/**
 * "Effacer les données de cet appareil": every IndexedDB database of this
 * origin (Dexie's and each Yjs document's), the per-document notes and the
 * personal caches. Dexie's connection is closed first; it reopens (empty) if
 * the page still uses it, which a signed-in page does: pass `stillSignedIn`
 * so the new, empty data is recorded as that person's.
 */
export async function clearDeviceData(stillSignedIn?: string): Promise<void> {
	await clearPersonalCaches();
	localDb().close({ disableAutoOpen: false });
	const names = new Set([DB_NAME, ...(await databaseNames())]);
	await Promise.all([...names].filter((name) => !isWorkspaceDb(name)).map(deleteDatabase));
	await clearWorkspaceCopies();
	if (stillSignedIn) await localDb().meta.put({ key: 'userId', value: stillSignedIn });
}

/**
 * Makes sure the local data belongs to `userId`: another person's cache,
 * unsent changes and workspace copies must never show, or be sent, under this
 * account. The workspace copies go too when the owner is unknown (data from
 * before this check, or a cleared Dexie): nobody can vouch for them.
 */
export async function claimDeviceData(userId: string): Promise<void> {
	const db = localDb();
	const owner = (await db.meta.get('userId'))?.value;
	if (owner === userId) return;
	await db.transaction('rw', [db.outbox, db.feed, db.initiatives, db.profile, db.meta], async () => {
		if (owner !== undefined) await Promise.all([db.outbox.clear(), db.feed.clear(), db.initiatives.clear(), db.profile.clear()]);
		await db.meta.put({ key: 'userId', value: userId });
	});
	await clearWorkspaceCopies();
	// The service worker drops the previous person's pages itself when told who is signed in.
}
