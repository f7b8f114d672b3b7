/** Statements prepared once per SQLite connection (tests and restarts open others), kept beside it. */
import type Database from 'better-sqlite3';

/** Returns `prepare`'s result for a connection, made at its first use and reused after. */
export function perConnection<T>(prepare: (sqlite: Database.Database) => T): (sqlite: Database.Database) => T {
	const cache = new WeakMap<Database.Database, T>();
	return (sqlite) => {
		let prepared = cache.get(sqlite);
		if (prepared === undefined) {
			prepared = prepare(sqlite);
			cache.set(sqlite, prepared);
		}
		return prepared;
	};
}
