/**
 * One SQLite connection per process, shared by SvelteKit's server routes and
 * the relay. Both are bundled separately (build/handler.js and build/server.js),
 * so the connection lives on globalThis rather than in module state.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';
import { scheduleTextIndexMerge } from './proximity-index/maintenance';
import { tuneReads } from './pragmas';

export type Db = BetterSQLite3Database<typeof schema>;
export interface Store {
	sqlite: Database.Database;
	db: Db;
	dataDir: string;
	/** Stops background maintenance before the connection closes. */
	stopMaintenance: () => void;
}

const KEY = Symbol.for('kohero.store');
type Holder = { [KEY]?: Store };

/** The data directory from DATA_DIR, default ./data, as an absolute path. */
export function dataDirFromEnv(): string {
	return resolve(process.env.DATA_DIR || './data');
}

/** Opens (once) the database in `dataDir`, applies pending migrations and returns it. */
export function openStore(dataDir = dataDirFromEnv()): Store {
	const holder = globalThis as Holder;
	const existing = holder[KEY];
	if (existing) return existing;

	mkdirSync(dataDir, { recursive: true });
	const sqlite = new Database(join(dataDir, 'kohero.db'));
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	// Statement journals and temporary b-trees in memory, not in files under /var/tmp: a statement
	// writing many rows inside a transaction (an activity fan-out) journals every page it touches.
	sqlite.pragma('temp_store = MEMORY');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	tuneReads(sqlite);
	const db = migrated(sqlite);

	const store = { sqlite, db, dataDir, stopMaintenance: scheduleTextIndexMerge(sqlite) };
	holder[KEY] = store;
	return store;
}

/** The open store, opening it from the environment on first use. */
export function store(): Store {
	return (globalThis as Holder)[KEY] ?? openStore();
}

/** The drizzle handle of the open store. */
export function db(): Db {
	return store().db;
}

/** Closes the process' database, if open. */
export function closeStore(): void {
	const holder = globalThis as Holder;
	const existing = holder[KEY];
	if (!existing) return;
	existing.stopMaintenance();
	existing.sqlite.close();
	delete holder[KEY];
}

/** `sqlite` with every pending migration of `drizzle/` applied: the one source of the schema, specs' databases included. */
export function migrated(sqlite: Database.Database): Db {
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder: findMigrationsFolder() });
	return db;
}

/**
 * The migrations live in `drizzle/` at the project root. This module is
 * bundled to different depths (dev sources, build/server.js, build/server/chunks),
 * so walk up from its own location instead of trusting the working directory.
 */
function findMigrationsFolder(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 8; i++) {
		const candidate = join(dir, 'drizzle');
		if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
		dir = dirname(dir);
	}
	throw new Error('drizzle/ migrations folder not found');
}
