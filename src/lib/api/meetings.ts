/** Reading meetings for pages and components, with this device's pending changes and offline copies. */
import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import type { Meeting, NearbyMeeting } from '$lib/domain/meetings/types';
import { api } from './client';

type Fetch = typeof fetch;
/** A meeting as shown: the server's, or one scheduled here and not yet sent. */
export type ShownMeeting = Meeting & { pending?: true };

const pending = () => import('$lib/local/meetings/pending');

/** What the window's caches hold for `path` (the service worker's offline copy, or an imported share). */
async function cachedJson<T>(path: string): Promise<T | null> {
	if (!browser || typeof caches === 'undefined') return null;
	const hit = await caches.match(path).catch(() => undefined);
	return hit ? ((await hit.json().catch(() => null)) as T | null) : null;
}

/** Meeting `id` for its page: the server's, else an offline copy, else one scheduled on this device; 404 otherwise. */
export async function fetchMeeting(fetch: Fetch, id: string, me: { id: string; displayName: string } | null): Promise<ShownMeeting> {
	const path = `/api/meetings/${encodeURIComponent(id)}`;
	const response = await fetch(path).catch(() => null);
	if (response?.ok) return ((await response.json()) as { meeting: Meeting }).meeting;
	if (response && response.status < 500) error(404, 'Réunion introuvable.');
	if (browser) {
		const copy = await cachedJson<{ meeting: Meeting }>(path);
		if (copy?.meeting) return copy.meeting;
		if (me) {
			const queued = (await (await pending()).pendingMeetings(me)).find((m) => m.id === id);
			if (queued) return queued;
		}
	}
	error(503, 'Réunion indisponible hors connexion.');
}

/** An initiative's upcoming or past meetings (with the ones scheduled here and not yet sent, for upcoming). */
export async function listMeetings(initiativeId: string, when: 'upcoming' | 'past', me: { id: string; displayName: string } | null): Promise<ShownMeeting[]> {
	const path = `/api/initiatives/${encodeURIComponent(initiativeId)}/meetings?when=${when}`;
	const items = await api<{ items: Meeting[] }>(path)
		.then((body) => body.items)
		.catch(async (err: unknown) => (await cachedJson<{ items: Meeting[] }>(path))?.items ?? Promise.reject(err));
	if (when === 'past' || !me) return items;
	const queued = (await (await pending()).pendingMeetings(me, initiativeId)).filter((p) => !items.some((m) => m.id === p.id));
	return [...items, ...queued].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** Upcoming meetings around a point. */
export async function meetingsNear(lat: number, lng: number, radiusKm = 20): Promise<NearbyMeeting[]> {
	const body = await api<{ items: NearbyMeeting[] }>(`/api/meetings/near?lat=${lat}&lng=${lng}&radiusKm=${radiusKm}&days=30&limit=5`);
	return body.items;
}
