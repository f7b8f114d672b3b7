/**
 * The last-seen copy of what pages read (feed, initiatives, memberships,
 * profile), so an offline start shows them at once. Writers: the pages after
 * a successful read, and the outbox (optimistic changes, then server answers).
 */
import type { Initiative, Me, NearbyInitiative, Role } from '$lib/types';
import { localDb, type InitiativeRow } from '../db';

/** The feed as last shown, in order. */
export async function readFeed(): Promise<NearbyInitiative[]> {
	const rows = await localDb().feed.orderBy('position').toArray();
	return rows.map((r) => r.item);
}

/** Replaces the cached feed with what the server just returned. */
export async function saveFeed(items: NearbyInitiative[]): Promise<void> {
	const db = localDb();
	await db.transaction('rw', db.feed, async () => {
		await db.feed.clear();
		await db.feed.bulkPut(items.map((item, position) => ({ id: item.id, position, item })));
	});
}

/** One initiative with the viewer's role, as last seen. */
export async function readInitiative(id: string): Promise<InitiativeRow | undefined> {
	return localDb().initiatives.get(id);
}

export async function saveInitiative(initiative: Initiative, viewerRole: Role | null): Promise<void> {
	await localDb().initiatives.put({ id: initiative.id, initiative, viewerRole, savedAt: Date.now() });
	// Keep the feed's copy in step (title, member count) without touching its order.
	await localDb().feed.where('id').equals(initiative.id).modify((row) => {
		row.item = { ...row.item, ...initiative };
	});
}

/** Initiatives I own, run or joined, newest first. */
export async function readMyInitiatives(): Promise<InitiativeRow[]> {
	const rows = await localDb().initiatives.filter((r) => r.viewerRole !== null).toArray();
	return rows.sort((a, b) => b.initiative.createdAt.localeCompare(a.initiative.createdAt));
}

/** Records the server's list of my initiatives (`GET /api/me/initiatives`). */
export async function saveMyInitiatives(items: (Initiative & { role: Role })[]): Promise<void> {
	const now = Date.now();
	await localDb().initiatives.bulkPut(
		items.map(({ role, ...initiative }) => ({ id: initiative.id, initiative, viewerRole: role, savedAt: now }))
	);
}

export async function setViewerRole(id: string, role: Role | null, memberDelta: number): Promise<void> {
	const db = localDb();
	await db.initiatives.where('id').equals(id).modify((row) => {
		row.viewerRole = role;
		row.initiative = { ...row.initiative, memberCount: Math.max(0, row.initiative.memberCount + memberDelta) };
	});
	await db.feed.where('id').equals(id).modify((row) => {
		row.item = { ...row.item, memberCount: Math.max(0, row.item.memberCount + memberDelta) };
	});
}

export async function readMe(): Promise<Me | undefined> {
	return (await localDb().profile.get('me'))?.user;
}

export async function saveMe(user: Me): Promise<void> {
	await localDb().profile.put({ key: 'me', user, savedAt: Date.now() });
}
