/**
 * The exact part every plan shares: candidates (from the R*Tree or FTS5) get
 * their great-circle distance, the radius edge and the cursor are decided on
 * it, and SQLite returns the nearest limit+1 (the extra one tells whether more follow).
 */
import type Database from 'better-sqlite3';
import { DISTANCE_FUNCTION, statement } from './statements';
import type { ProximityHit, ProximityQuery } from './types';

/** `SELECT … AS d` over initiatives `i`; its two parameters are the query point. */
export const SELECT_HIT = `SELECT i.pk AS pk, i.id AS id, ${DISTANCE_FUNCTION}(?, ?, i.lat, i.lng) AS d`;

/** Filters shared by every plan, as SQL after `WHERE …`; `d` is the distance column. */
export function commonFilters(query: ProximityQuery, params: unknown[]): string {
	let sql = '';
	if (query.category) {
		sql += ' AND i.category = ?';
		params.push(query.category);
	}
	if (query.after) {
		sql += ' AND (d > ? OR (d = ? AND i.id > ?))';
		params.push(query.after.distanceKm, query.after.distanceKm, query.after.id);
	}
	return sql;
}

type Row = { pk: number; id: string; d: number };

/**
 * Nearest first, ties by id, limit+1 rows within `radiusKm`.
 * `lastFilter` is tested after the distance, so only points inside the circle pay for it.
 */
export function nearestRows(
	sqlite: Database.Database,
	sql: string,
	params: unknown[],
	radiusKm: number,
	limit: number,
	lastFilter?: { sql: string; params: unknown[] }
): ProximityHit[] {
	params.push(radiusKm);
	sql += ' AND d <= ?';
	if (lastFilter) {
		sql += lastFilter.sql;
		params.push(...lastFilter.params);
	}
	params.push(limit + 1);
	const rows = statement(sqlite, `${sql} ORDER BY d, i.id LIMIT ?`).all(...params) as Row[];
	return rows.map((row) => ({ pk: row.pk, id: row.id, distanceKm: row.d }));
}

/** Distance then id, as every page is ordered. */
export function sortHits(hits: ProximityHit[]): ProximityHit[] {
	return hits.sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
