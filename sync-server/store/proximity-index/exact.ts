/**
 * The exact part every plan shares: candidates (from the R*Tree or FTS5) get
 * their great-circle distance, the radius edge and the cursor are decided on
 * it, and SQLite returns the nearest limit+1 (the extra one tells whether more follow).
 */
import type Database from 'better-sqlite3';
import { DISTANCE_FUNCTION, statement } from './statements';
import type { ProximityHit, ProximityQuery } from './types';

/** The candidates: `FROM … WHERE …` over initiatives `i`, without the distance, and its parameters. */
export interface Candidates {
	from: string;
	params: unknown[];
}

/**
 * A filter tested after the distance, so only points inside the circle pay for it: SQL starting
 * with ` AND`, on the candidate's row of initiatives as `t`.
 */
export interface LastFilter {
	sql: string;
	params: unknown[];
}

type Row = { pk: number; id: string; d: number };

/**
 * Nearest first, ties by id, limit+1 rows within `radiusKm` (and after the cursor, in the category).
 * The distance is computed once per candidate: the inner query is not flattened (`LIMIT -1`), so the
 * outer filters and the order read its `d` column instead of calling the function again.
 */
export function nearestRows(
	sqlite: Database.Database,
	query: ProximityQuery,
	candidates: Candidates,
	radiusKm: number,
	lastFilters: LastFilter[] = []
): ProximityHit[] {
	let inner = `SELECT i.pk AS pk, i.id AS id, ${DISTANCE_FUNCTION}(?, ?, i.lat, i.lng) AS d ${candidates.from}`;
	const params: unknown[] = [query.lat, query.lng, ...candidates.params];
	if (query.category) {
		inner += ' AND i.category = ?';
		params.push(query.category);
	}
	// The row is read again (from a page just read) only for candidates inside the circle.
	const join = lastFilters.length ? ' CROSS JOIN initiatives t ON t.pk = s.pk' : '';
	let sql = `SELECT s.pk AS pk, s.id AS id, s.d AS d FROM (${inner} LIMIT -1) s${join} WHERE s.d <= ?`;
	params.push(radiusKm);
	if (query.after) {
		sql += ' AND (s.d > ? OR (s.d = ? AND s.id > ?))';
		params.push(query.after.distanceKm, query.after.distanceKm, query.after.id);
	}
	for (const filter of lastFilters) {
		sql += filter.sql;
		params.push(...filter.params);
	}
	params.push(query.limit + 1);
	const rows = statement(sqlite, `${sql} ORDER BY s.d, s.id LIMIT ?`).all(...params) as Row[];
	return rows.map((row) => ({ pk: row.pk, id: row.id, distanceKm: row.d }));
}

/** Distance then id, as every page is ordered. */
export function sortHits(hits: ProximityHit[]): ProximityHit[] {
	return hits.sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
