/** The proximity feed: nearest initiatives first, with an opaque cursor. */
import { createHash } from 'node:crypto';
import { store } from '$store/db';
import { findNear, ftsQueryFromText } from '$store/proximity-index';
import { DEFAULT_LIMIT, DEFAULT_RADIUS_KM, type NearQuery } from '$lib/domain/validation/query';
import { roundKm } from '$lib/domain/geo';
import type { NearbyInitiative } from '$lib/types';
import { badRequest } from '../http/api-error';
import { translator } from '$lib/i18n/translate';
import { loadInitiativesByPk } from './present';
import { withNextMeetings } from '../meetings/list';

export interface NearPage {
	items: NearbyInitiative[];
	nextCursor: string | null;
}

/** Identifies a query, so that a cursor cannot be replayed on another one. */
function fingerprint(q: NearQuery, radiusKm: number): string {
	const key = JSON.stringify([q.lat, q.lng, radiusKm, q.category ?? '', q.q ?? '']);
	return createHash('sha256').update(key).digest('base64url').slice(0, 12);
}

function encodeCursor(distanceKm: number, id: string, print: string): string {
	return Buffer.from(JSON.stringify([distanceKm, id, print])).toString('base64url');
}

function decodeCursor(cursor: string, print: string): { distanceKm: number; id: string } {
	try {
		const [distanceKm, id, seen] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
		if (typeof distanceKm === 'number' && Number.isFinite(distanceKm) && typeof id === 'string' && seen === print) {
			return { distanceKm, id };
		}
	} catch {
		/* falls through to the 400 */
	}
	throw badRequest({ cursor: translator('fr')('errors.cursor') });
}

/** One page of initiatives near a point, ordered by exact distance then id. */
export function findInitiativesNear(q: NearQuery): NearPage {
	const radiusKm = q.radiusKm ?? DEFAULT_RADIUS_KM;
	const limit = q.limit ?? DEFAULT_LIMIT;
	const print = fingerprint(q, radiusKm);
	const after = q.cursor ? decodeCursor(q.cursor, print) : undefined;
	const match = q.q ? ftsQueryFromText(q.q) : undefined;
	const { hits, more } = findNear(store().sqlite, {
		lat: q.lat,
		lng: q.lng,
		radiusKm,
		limit,
		category: q.category,
		match,
		after
	});
	const byPk = loadInitiativesByPk(hits.map((h) => h.pk));
	const items = hits.flatMap((h) => {
		const initiative = byPk.get(h.pk);
		return initiative ? [{ ...initiative, distanceKm: roundKm(h.distanceKm) }] : [];
	});
	const last = hits[hits.length - 1];
	return { items: withNextMeetings(items), nextCursor: more && last ? encodeCursor(last.distanceKm, last.id, print) : null };
}
