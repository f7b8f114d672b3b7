/**
 * Geographic rings: a page is final as soon as a circle holds more than
 * `limit` matches, because everything outside that circle is farther than all
 * of them. The first ring is sized from the local density (capped R*Tree
 * counts), so a town next to a city neither reads the city's tens of
 * thousands of points nor takes many small steps in the countryside.
 */
import type Database from 'better-sqlite3';
import { radiusBox } from '$lib/domain/geo';
import { nearestRows, sortHits, type LastFilter } from './exact';
import { BOX_PAD_DEG, statement } from './statements';
import { wordPrefixCheck } from './text';
import type { ProximityHit, ProximityQuery } from './types';

/** Near the poles the lat/lng square is no square at all: skip the density probe there. */
const PROBE_MAX_ABS_LAT = 80;
/** Stop probing below this radius (many initiatives on one spot): the ring reads them all anyway. */
const PROBE_MIN_KM = 0.01;

/** Widens rings from `startKm` until one holds more than `limit` hits or reaches the radius. */
export function widenRings(query: ProximityQuery, startKm: number, search: (ringKm: number) => ProximityHit[]): ProximityHit[] {
	// Start past the cursor: nothing before it can be on this page.
	let ring = Math.min(query.radiusKm, Math.max(startKm, (query.after?.distanceKm ?? 0) * 1.25));
	for (;;) {
		const hits = search(ring);
		if (hits.length > query.limit || ring >= query.radiusKm) return hits;
		// Aim for twice the hits still needed at the density seen so far (area grows as radius²).
		const growth = hits.length ? Math.sqrt((2 * (query.limit + 1)) / hits.length) : 4;
		ring = Math.min(query.radiusKm, ring * Math.min(4, Math.max(1.5, growth)));
	}
}

function countInBox(sqlite: Database.Database, lat: number, lng: number, halfSideKm: number, cap: number): number {
	const box = radiusBox(lat, lng, halfSideKm);
	const sql =
		'SELECT count(*) FROM (SELECT 1 FROM initiative_geo WHERE max_lat >= ? AND min_lat <= ? AND max_lng >= ? AND min_lng <= ? LIMIT ?)';
	let n = 0;
	for (const [minLng, maxLng] of box.lngRanges) {
		n += statement(sqlite, sql).pluck().get(box.minLat, box.maxLat, minLng, maxLng, cap - n) as number;
	}
	return n;
}

/**
 * A radius whose circle likely holds between `want` and 4 × `want` points, found by
 * doubling/halving then bisecting on capped counts of the square inscribed in the
 * circle (half side r / 1.5, so its corners stay inside it). Each count reads at
 * most 4 × `want` R*Tree entries and no table row.
 */
export function densityRadius(sqlite: Database.Database, lat: number, lng: number, want: number, maxKm: number): number {
	if (Math.abs(lat) > PROBE_MAX_ABS_LAT) return maxKm / 32;
	const cap = 4 * want;
	let lo = 0;
	let hi = Infinity;
	let r = Math.min(1, maxKm);
	for (let step = 0; step < 16; step++) {
		const n = countInBox(sqlite, lat, lng, r / 1.5, cap);
		if (n >= cap) hi = r;
		else if (n < want) lo = r;
		else return r;
		if (lo >= maxKm || r <= PROBE_MIN_KM) return r;
		if (hi !== Infinity && hi < lo * 1.25) return hi;
		r = Math.min(maxKm, hi === Infinity ? r * 2 : lo === 0 ? r / 2 : Math.sqrt(lo * hi));
	}
	return r;
}

/** Box candidates from the R*Tree within `ringKm`, exact distance ≤ ringKm, top limit+1. */
export function searchGeoRing(sqlite: Database.Database, query: ProximityQuery, ringKm: number): ProximityHit[] {
	const box = radiusBox(query.lat, query.lng, ringKm);
	const all: ProximityHit[] = [];
	for (const [minLng, maxLng] of box.lngRanges) {
		const params: unknown[] = [box.minLat - BOX_PAD_DEG, box.maxLat + BOX_PAD_DEG, minLng - BOX_PAD_DEG, maxLng + BOX_PAD_DEG];
		// CROSS JOIN keeps the R*Tree as the outer loop; overlap tests tolerate its float32 rounding.
		const from =
			'FROM initiative_geo g CROSS JOIN initiatives i ON i.pk = g.id' +
			' WHERE g.max_lat >= ? AND g.min_lat <= ? AND g.max_lng >= ? AND g.min_lng <= ?';
		// Only a fallback plan gets here with text (see text.ts): one FTS5 probe per row inside the ring.
		const text: LastFilter[] = query.match
			? [
					{ sql: ' AND EXISTS (SELECT 1 FROM initiative_fts WHERE initiative_fts MATCH ? AND rowid = t.geo_key)', params: [query.match.fts] },
					...wordPrefixCheck(query.match)
				]
			: [];
		all.push(...nearestRows(sqlite, query, { from, params }, ringKm, text));
	}
	return box.lngRanges.length > 1 ? sortHits(all) : all;
}
