/**
 * Proximity search over initiatives, answered by SQLite itself: the R*Tree
 * `initiative_geo` gives candidates in a box, the exact great-circle distance
 * (a SQL function registered on the connection) orders them and decides the
 * radius edge, and FTS5 `initiative_fts` filters by text (the last word as a
 * prefix, text-match.ts); its row ids are spatial keys (geo-keys.ts), so only
 * nearby matches are read, and only the rows of those that can make the page
 * (nearest-keys.ts).
 *
 * Every plan widens rings around the point (rings.ts) and stops at the first
 * ring holding more than `limit` matches; the spec checks each plan against a
 * brute-force scan.
 */
import type Database from 'better-sqlite3';
import type { LngRange } from '$lib/domain/geo';
import { densityRadius, searchGeoRing, widenRings } from './rings';
import { statement } from './statements';
import { keyRanges } from './geo-keys';
import { countTextMatches, searchTextFirst, searchTextInRanges } from './text';
import type { RowsRead } from './nearest-keys';
import type { ProximityPage, ProximityQuery } from './types';

export { DISTANCE_FUNCTION, registerGeoFunctions } from './statements';
export { keyRanges } from './geo-keys';
export type { ProximityHit, ProximityPage, ProximityQuery } from './types';
export { ftsQueryFromText, WORD_PREFIX_FUNCTION, type TextMatch } from './text-match';

/** Over a circle too large for row-id ranges, text queries matching at most this many rows are answered from FTS5 first. */
const RARE_TEXT_ROWS = 2000;
/** Text rings start this many times wider than where `limit` points of any text would be. */
const TEXT_START_FACTOR = 3;

/** How a text query is answered; tests force each one, `auto` picks. */
export type TextPlan = 'auto' | 'ranges' | 'text-first' | 'rings';

/** Initiatives within `radiusKm` of a point, nearest first, ties by id. */
export function findNear(sqlite: Database.Database, query: ProximityQuery, { plan = 'auto' }: { plan?: TextPlan } = {}): ProximityPage {
	const start = densityRadius(sqlite, query.lat, query.lng, query.limit + 1, query.radiusKm);
	const { match } = query;
	if (!match) return page(widenRings(query, start, (ring) => searchGeoRing(sqlite, query, ring)), query.limit);

	const textQuery = { ...query, match };
	const coverable = keyRanges(query.lat, query.lng, query.radiusKm) !== undefined;
	if (plan === 'ranges' || (plan === 'auto' && coverable)) {
		const read: RowsRead = new Map();
		const hits = widenRings(query, start * TEXT_START_FACTOR, (ring) =>
			// A ring too large for ranges (only when forced near a pole): reading every match is still exact.
			searchTextInRanges(sqlite, textQuery, ring, read) ?? searchTextFirst(sqlite, textQuery, ring)
		);
		return page(hits, query.limit);
	}
	if (plan === 'text-first' || (plan === 'auto' && countTextMatches(sqlite, match, RARE_TEXT_ROWS) <= RARE_TEXT_ROWS)) {
		return page(searchTextFirst(sqlite, textQuery, query.radiusKm), query.limit);
	}
	return page(widenRings(query, start * TEXT_START_FACTOR, (ring) => searchGeoRing(sqlite, query, ring)), query.limit);
}

function page(hits: ProximityPage['hits'], limit: number): ProximityPage {
	return { hits: hits.slice(0, limit), more: hits.length > limit };
}

/** Initiative keys inside a lat/lng box (lng ranges already split at the antimeridian), at most `cap`. */
export function findInBox(
	sqlite: Database.Database,
	box: { minLat: number; maxLat: number; lngRanges: LngRange[] },
	cap: number
): number[] {
	const out: number[] = [];
	const sql =
		'SELECT id FROM initiative_geo WHERE max_lat >= ? AND min_lat <= ? AND max_lng >= ? AND min_lng <= ? LIMIT ?';
	for (const [minLng, maxLng] of box.lngRanges) {
		if (out.length >= cap) break;
		const rows = statement(sqlite, sql).all(box.minLat, box.maxLat, minLng, maxLng, cap - out.length) as { id: number }[];
		for (const row of rows) out.push(row.id);
	}
	return out;
}
