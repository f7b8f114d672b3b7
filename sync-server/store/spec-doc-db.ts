/** For specs: a database with the document log's tables (as the migrations create them). */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** At `file` (WAL, as the server opens it), or in memory. */
function docDbAt(file: string): Database.Database {
	const sqlite = new Database(file);
	if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
	sqlite.exec(`
		CREATE TABLE doc_updates (doc_id TEXT NOT NULL, seq INTEGER NOT NULL, "update" BLOB NOT NULL,
			author_id TEXT, created_at INTEGER NOT NULL, PRIMARY KEY (doc_id, seq));
		CREATE TABLE doc_snapshots (doc_id TEXT PRIMARY KEY, state BLOB NOT NULL, seq INTEGER NOT NULL,
			parts INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL);
		CREATE TABLE doc_snapshot_parts (doc_id TEXT NOT NULL, seq INTEGER NOT NULL, part INTEGER NOT NULL,
			bytes BLOB NOT NULL, PRIMARY KEY (doc_id, seq, part));
		CREATE TABLE doc_history (doc_id TEXT NOT NULL, taken_at INTEGER NOT NULL, state BLOB NOT NULL,
			bytes INTEGER NOT NULL, parts INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (doc_id, taken_at));
		CREATE TABLE doc_history_parts (doc_id TEXT NOT NULL, taken_at INTEGER NOT NULL, part INTEGER NOT NULL,
			bytes BLOB NOT NULL, PRIMARY KEY (doc_id, taken_at, part));`);
	return sqlite;
}

export function memoryDocDb(): Database.Database {
	return docDbAt(':memory:');
}

const tempDirs: string[] = [];

/** In a file of a new temporary directory: the store's worker can open it too. */
export function fileDocDb(): Database.Database {
	const dir = mkdtempSync(join(tmpdir(), 'kohero-doc-db-'));
	tempDirs.push(dir);
	return docDbAt(join(dir, 'docs.db'));
}

/** Deletes the directories of every fileDocDb (close the databases first). */
export function removeFileDocDbs(): void {
	for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
