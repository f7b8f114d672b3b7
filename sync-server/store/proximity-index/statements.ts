/** The SQL functions the index needs and a per-connection cache of prepared statements. */
import type Database from 'better-sqlite3';
import { haversineKm } from '$lib/domain/geo';
import { hasWordPrefix, WORD_PREFIX_FUNCTION } from './text-match';

/** Name of the SQL distance function registered on the connection. */
export const DISTANCE_FUNCTION = 'kohero_distance_km';
/** Float32 rounding in the R*Tree and float noise: pad candidate boxes by ~1 m. */
export const BOX_PAD_DEG = 1e-5;

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Registers the distance and word-prefix functions (once per connection) so SQL can filter and order by them. */
export function registerGeoFunctions(sqlite: Database.Database): void {
	if (prepared.has(sqlite)) return;
	sqlite.function(DISTANCE_FUNCTION, { deterministic: true }, (lat1, lng1, lat2, lng2) =>
		haversineKm(lat1 as number, lng1 as number, lat2 as number, lng2 as number)
	);
	sqlite.function(WORD_PREFIX_FUNCTION, { deterministic: true }, (prefix, title, summary, placeName) =>
		hasWordPrefix(prefix as string, title as string, summary as string, placeName as string) ? 1 : 0
	);
	prepared.set(sqlite, new Map());
}

/** The prepared statement for `sql` on this connection, prepared once. */
export function statement(sqlite: Database.Database, sql: string): Database.Statement {
	registerGeoFunctions(sqlite);
	const cache = prepared.get(sqlite)!;
	let stmt = cache.get(sql);
	if (!stmt) {
		stmt = sqlite.prepare(sql);
		cache.set(sql, stmt);
	}
	return stmt;
}
