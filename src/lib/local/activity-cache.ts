/**
 * The activity list as last synced, kept in the Dexie store's key-value table
 * (no schema change), so /activity reads offline.
 */
import type { ActivityItem } from '$lib/domain/notifications';
import { localDb } from './db';

const KEY = 'activity';

export interface CachedActivity {
	items: ActivityItem[];
	unread: number;
	savedAt: number;
}

/** The last synced activity, or null. */
export async function readActivityCache(): Promise<CachedActivity | null> {
	const row = await localDb().meta.get(KEY);
	return (row?.value as CachedActivity | undefined) ?? null;
}

/** Keeps what the server just returned. */
export async function saveActivityCache(items: ActivityItem[], unread: number): Promise<void> {
	await localDb().meta.put({ key: KEY, value: { items, unread, savedAt: Date.now() } satisfies CachedActivity });
}
