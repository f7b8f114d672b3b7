/**
 * Text near a point. The usual plan widens rings like the plain search, but each
 * ring reads the words' matches only inside the FTS5 row-id ranges covering it
 * (geo-keys.ts), so only nearby matches are read. Two fallbacks remain for
 * circles too large for ranges (near a pole): rare words are read from FTS5
 * first, common ones checked row by row inside geographic rings.
 */
import type Database from 'better-sqlite3';
import { radiusBox } from '$lib/domain/geo';
import { commonFilters, nearestRows, SELECT_HIT, sortHits } from './exact';
import { keyRanges, PK_MASK } from './geo-keys';
import { BOX_PAD_DEG, statement } from './statements';
import type { ProximityHit, ProximityQuery } from './types';

/** Turns free text into a safe FTS5 expression; see index.ts. */
export function ftsQueryFromText(text: string): string | undefined {
	const tokens = text.match(/[\p{L}\p{N}]+/gu)?.slice(0, 12);
	if (!tokens?.length) return undefined;
	// Only the visible columns: a word never matches text the person cannot see.
	return `{title summary place_name} : (${tokens.map((t) => `"${t}"`).join(' ')})`;
}

/**
 * Matches within `ringKm`, reading FTS5 only inside the row-id ranges covering
 * the ring (one small query each, merged here); undefined when the ring is too large for ranges.
 */
export function searchTextInRanges(sqlite: Database.Database, query: ProximityQuery & { match: string }, ringKm: number): ProximityHit[] | undefined {
	const ranges = keyRanges(query.lat, query.lng, ringKm);
	if (!ranges) return undefined;
	const all: ProximityHit[] = [];
	for (const [lo, hi] of ranges) {
		const params: unknown[] = [query.lat, query.lng, query.match, lo, hi];
		// The row id's low bits are the initiative's pk (drizzle/0003).
		let sql =
			`${SELECT_HIT} FROM initiative_fts f CROSS JOIN initiatives i ON i.pk = (f.rowid & ${PK_MASK})` +
			' WHERE initiative_fts MATCH ? AND f.rowid BETWEEN ? AND ?';
		sql += commonFilters(query, params);
		all.push(...nearestRows(sqlite, sql, params, ringKm, query.limit));
	}
	return ranges.length > 1 ? sortHits(all).slice(0, query.limit + 1) : all;
}

/** How many rows match, counting no further than `cap + 1`. */
export function countTextMatches(sqlite: Database.Database, match: string, cap: number): number {
	const sql = 'SELECT count(*) AS n FROM (SELECT 1 FROM initiative_fts WHERE initiative_fts MATCH ? LIMIT ?)';
	return (statement(sqlite, sql).get(match, cap + 1) as { n: number }).n;
}

/** Matches of `query.match` within `radiusKm`, read from FTS5 first (for rare words). */
export function searchTextFirst(sqlite: Database.Database, query: ProximityQuery & { match: string }, radiusKm: number): ProximityHit[] {
	const box = radiusBox(query.lat, query.lng, radiusKm);
	const params: unknown[] = [query.lat, query.lng, query.match, box.minLat - BOX_PAD_DEG, box.maxLat + BOX_PAD_DEG];
	const lngSql = box.lngRanges
		.map(([minLng, maxLng]) => {
			params.push(minLng - BOX_PAD_DEG, maxLng + BOX_PAD_DEG);
			return 'i.lng BETWEEN ? AND ?';
		})
		.join(' OR ');
	let sql =
		`${SELECT_HIT} FROM initiative_fts f CROSS JOIN initiatives i ON i.pk = (f.rowid & ${PK_MASK})` +
		` WHERE initiative_fts MATCH ? AND i.lat BETWEEN ? AND ? AND (${lngSql})`;
	sql += commonFilters(query, params);
	return nearestRows(sqlite, sql, params, radiusKm, query.limit);
}
