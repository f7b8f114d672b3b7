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
import { WORD_PREFIX_FUNCTION, type TextMatch } from './text-match';
import type { ProximityHit, ProximityQuery } from './types';

/**
 * The row check of a prefix longer than the prefix index, as SQL after the distance
 * test (so only rows inside the ring pay for it); undefined when FTS5 alone is exact.
 */
export function wordPrefixCheck(match: TextMatch): { sql: string; params: unknown[] } | undefined {
	if (!match.wordPrefix) return undefined;
	return { sql: ` AND ${WORD_PREFIX_FUNCTION}(?, i.title, i.summary, i.place_name)`, params: [match.wordPrefix] };
}

/**
 * Matches within `ringKm`, reading FTS5 only inside the row-id ranges covering
 * the ring (one small query each, merged here); undefined when the ring is too large for ranges.
 */
export function searchTextInRanges(sqlite: Database.Database, query: ProximityQuery & { match: TextMatch }, ringKm: number): ProximityHit[] | undefined {
	const ranges = keyRanges(query.lat, query.lng, ringKm);
	if (!ranges) return undefined;
	const all: ProximityHit[] = [];
	for (const [lo, hi] of ranges) {
		const params: unknown[] = [query.lat, query.lng, query.match.fts, lo, hi];
		// The row id's low bits are the initiative's pk (drizzle/0003).
		let sql =
			`${SELECT_HIT} FROM initiative_fts f CROSS JOIN initiatives i ON i.pk = (f.rowid & ${PK_MASK})` +
			' WHERE initiative_fts MATCH ? AND f.rowid BETWEEN ? AND ?';
		sql += commonFilters(query, params);
		all.push(...nearestRows(sqlite, sql, params, ringKm, query.limit, wordPrefixCheck(query.match)));
	}
	return ranges.length > 1 ? sortHits(all).slice(0, query.limit + 1) : all;
}

/** How many rows match FTS5 (a long prefix: its first characters), counting no further than `cap + 1`. */
export function countTextMatches(sqlite: Database.Database, match: TextMatch, cap: number): number {
	const sql = 'SELECT count(*) AS n FROM (SELECT 1 FROM initiative_fts WHERE initiative_fts MATCH ? LIMIT ?)';
	return (statement(sqlite, sql).get(match.fts, cap + 1) as { n: number }).n;
}

/** Matches of `query.match` within `radiusKm`, read from FTS5 first (for rare words). */
export function searchTextFirst(sqlite: Database.Database, query: ProximityQuery & { match: TextMatch }, radiusKm: number): ProximityHit[] {
	const box = radiusBox(query.lat, query.lng, radiusKm);
	const params: unknown[] = [query.lat, query.lng, query.match.fts, box.minLat - BOX_PAD_DEG, box.maxLat + BOX_PAD_DEG];
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
	return nearestRows(sqlite, sql, params, radiusKm, query.limit, wordPrefixCheck(query.match));
}
