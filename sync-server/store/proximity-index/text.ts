/**
 * Text near a point. The usual plan widens rings like the plain search, but each
 * ring reads the words' matches only inside the FTS5 row-id ranges covering it
 * (geo-keys.ts), so only nearby matches are read, and their table rows nearest
 * cell first, only until the page is decided (nearest-keys.ts). Two fallbacks remain for
 * circles too large for ranges (near a pole): rare words are read from FTS5
 * first, common ones checked row by row inside geographic rings.
 */
import type Database from 'better-sqlite3';
import { radiusBox } from '$lib/domain/geo';
import { nearestRows, type LastFilter } from './exact';
import { keyRanges, PK_BITS, PK_MASK, seekGroups } from './geo-keys';
import { nearestOfKeys, type KeyMatch, type RowsRead } from './nearest-keys';
import { BOX_PAD_DEG, statement } from './statements';
import { WORD_PREFIX_FUNCTION, type TextMatch } from './text-match';
import type { ProximityHit, ProximityQuery } from './types';

/** The row check of a prefix longer than the prefix index; none when FTS5 alone is exact. */
export function wordPrefixCheck(match: TextMatch): LastFilter[] {
	if (!match.wordPrefix) return [];
	return [{ sql: ` AND ${WORD_PREFIX_FUNCTION}(?, t.title, t.summary, t.place_name)`, params: [match.wordPrefix] }];
}

/** SQL keeping rows inside the circle's bounding box (padded like the R*Tree's), tested before the distance. */
function boxFilter(query: ProximityQuery, radiusKm: number, params: unknown[]): string {
	const box = radiusBox(query.lat, query.lng, radiusKm);
	params.push(box.minLat - BOX_PAD_DEG, box.maxLat + BOX_PAD_DEG);
	const lng = box.lngRanges.map(([minLng, maxLng]) => {
		params.push(minLng - BOX_PAD_DEG, maxLng + BOX_PAD_DEG);
		return 'i.lng BETWEEN ? AND ?';
	});
	return ` AND i.lat BETWEEN ? AND ? AND (${lng.join(' OR ')})`;
}

/**
 * Matches within `ringKm`, reading FTS5 only inside the row-id ranges covering
 * the ring: one FTS5 seek per group of ranges on one 0.1° row of the grid
 * (seekGroups), the rows between a group's ranges dropped on their row id. Only
 * row ids leave FTS5; the table rows are read nearest cell first (nearest-keys.ts).
 * Undefined when the ring is too large for ranges.
 */
export function searchTextInRanges(
	sqlite: Database.Database,
	query: ProximityQuery & { match: TextMatch },
	ringKm: number,
	read?: RowsRead
): ProximityHit[] | undefined {
	const ranges = keyRanges(query.lat, query.lng, ringKm);
	if (!ranges) return undefined;
	const keys: KeyMatch[] = [];
	for (const group of seekGroups(ranges)) {
		const params: unknown[] = [query.match.fts, group[0][0], group[group.length - 1][1]];
		// The row id's high bits are its cell, its low bits the initiative's pk (drizzle/0003); both fit a JS number.
		let sql = `SELECT rowid >> ${PK_BITS}, rowid & ${PK_MASK} FROM initiative_fts WHERE initiative_fts MATCH ? AND rowid BETWEEN ? AND ?`;
		if (group.length > 1) {
			// `+` keeps these off FTS5's index: it seeks once, SQLite tests each row id in between.
			sql += ` AND (${group.map(() => '+rowid BETWEEN ? AND ?').join(' OR ')})`;
			for (const [lo, hi] of group) params.push(lo, hi);
		}
		for (const key of statement(sqlite, sql).raw(true).all(...params) as KeyMatch[]) keys.push(key);
	}
	return nearestOfKeys(sqlite, query, keys, ringKm, read);
}

/** How many rows match FTS5 (a long prefix: its first characters), counting no further than `cap + 1`. */
export function countTextMatches(sqlite: Database.Database, match: TextMatch, cap: number): number {
	const sql = 'SELECT count(*) AS n FROM (SELECT 1 FROM initiative_fts WHERE initiative_fts MATCH ? LIMIT ?)';
	return (statement(sqlite, sql).get(match.fts, cap + 1) as { n: number }).n;
}

/** Matches of `query.match` within `radiusKm`, read from FTS5 first (for rare words). */
export function searchTextFirst(sqlite: Database.Database, query: ProximityQuery & { match: TextMatch }, radiusKm: number): ProximityHit[] {
	const params: unknown[] = [query.match.fts];
	const from = `FROM initiative_fts f CROSS JOIN initiatives i ON i.pk = (f.rowid & ${PK_MASK}) WHERE initiative_fts MATCH ?${boxFilter(query, radiusKm, params)}`;
	return nearestRows(sqlite, query, { from, params }, radiusKm, wordPrefixCheck(query.match));
}
