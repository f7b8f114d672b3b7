/** Statements prepared once per SQLite connection (tests and restarts open others), kept beside it. */
import type Database from 'better-sqlite3';

/**
 * Returns `prepare`'s result for a connection (better-sqlite3's, or the drizzle handle on it),
 * made at its first use and reused after.
 */
export function perConnection<T, C extends object = Database.Database>(prepare: (connection: C) => T): (connection: C) => T {
	const cache = new WeakMap<C, T>();
	return (connection) => {
		let prepared = cache.get(connection);
		if (prepared === undefined) {
			prepared = prepare(connection);
			cache.set(connection, prepared);
		}
		return prepared;
	};
}
