/**
 * The feed's offline side: the first page as last fetched, plus initiatives
 * created on this device that the server has not accepted yet (shown first).
 */
import { haversineKm } from '$lib/domain/geo';
import type { NearbyInitiative } from '$lib/types';
import { localDb } from '../db';
import { readFeed, saveFeed } from './store';

/** Initiatives created here and still in the outbox, with their distance from (lat, lng). */
export async function readLocalCreations(lat: number, lng: number): Promise<NearbyInitiative[]> {
	const db = localDb();
	const entries = await db.outbox.toArray();
	const ids = entries.flatMap((e) => (e.mutation.kind === 'create' ? [e.mutation.initiativeId] : []));
	const rows = await db.initiatives.bulkGet(ids);
	return rows.flatMap((row) =>
		row ? [{ ...row.initiative, distanceKm: haversineKm(lat, lng, row.initiative.lat, row.initiative.lng) }] : []
	);
}

/** Puts local creations first, without duplicating those the server already lists. */
export function withLocalCreations(items: NearbyInitiative[], local: NearbyInitiative[]): NearbyInitiative[] {
	const known = new Set(items.map((i) => i.id));
	return [...local.filter((i) => !known.has(i.id)), ...items];
}

/** What the kept feed answered: its radius and filters (an offline feed says which). */
export interface FeedQuery {
	radiusKm: number;
	category: string;
	q: string;
}

/** Keeps the first page of the feed with the query that produced it. */
export async function saveCachedFeed(items: NearbyInitiative[], query: FeedQuery): Promise<void> {
	await saveFeed(items);
	await localDb().meta.put({ key: 'feedQuery', value: query });
}

/** The kept feed and its query (null when kept by an older version). */
export async function readCachedFeed(): Promise<{ items: NearbyInitiative[]; query: FeedQuery | null }> {
	const [items, meta] = await Promise.all([readFeed(), localDb().meta.get('feedQuery')]);
	return { items, query: (meta?.value as FeedQuery | undefined) ?? null };
}
