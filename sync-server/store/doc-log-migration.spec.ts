/**
 * drizzle/0015 and 0016 on a database that already holds update logs: every row is kept, byte for byte;
 * after 0015 the log is stored in document order (WITHOUT ROWID), after 0016 under one integer key per
 * row (doc_no × 2³² + seq), where appends, loads and prunes go on working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsBefore } from './spec-migrations';
import { migrated } from './db';
import { createSqliteDocStore } from './doc-log';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'kohero-log-migration-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The database as it was before migration `idx` (each call its own copy of the folder). */
function databaseBefore(idx: number): Database.Database {
	const sqlite = new Database(':memory:');
	migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore(idx, mkdtempSync(join(dir, `before-${idx}-`))) });
	return sqlite;
}

type Row = { doc_id: string; seq: number; update: Buffer; author_id: string | null; created_at: number };
const allRows = (sqlite: Database.Database) => sqlite.prepare('SELECT * FROM doc_updates ORDER BY doc_id, seq').all() as Row[];
const schemaOf = (sqlite: Database.Database, name: string) => sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name);

/** Interleaved logs of three documents, as a relay writes them, on a database before 0015. */
function interleavedLogs(sqlite: Database.Database): Row[] {
	const insert = sqlite.prepare('INSERT INTO doc_updates (doc_id, seq, "update", author_id, created_at) VALUES (?, ?, ?, ?, ?)');
	for (let seq = 1; seq <= 30; seq++) for (const doc of ['b', 'a', 'c']) insert.run(doc, seq, Buffer.from(`${doc}${seq}`), seq % 5 === 0 ? null : `u_${seq}`, 1000 + seq);
	return allRows(sqlite);
}

describe('migrations 0015 and 0016 (the update log in document order, then under integer keys)', () => {
	it('0015 keeps every row of the log and stores it clustered by document', () => {
		const sqlite = databaseBefore(15);
		const before = interleavedLogs(sqlite);

		migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore(16, mkdtempSync(join(dir, 'up-to-15-'))) });

		expect(allRows(sqlite)).toEqual(before);
		expect(schemaOf(sqlite, 'doc_updates')).toMatch(/WITHOUT ROWID\s*$/);
		sqlite.close();
	});

	it('0016 keeps every row, keys each by its document number and seq, and the store appends after them', async () => {
		const sqlite = databaseBefore(15);
		const before = interleavedLogs(sqlite);

		migrated(sqlite);

		expect(allRows(sqlite)).toEqual(before);
		const numbers = new Map(sqlite.prepare('SELECT doc_id, doc_no FROM doc_numbers').raw().all() as [string, number][]);
		expect([...numbers.keys()].sort()).toEqual(['a', 'b', 'c']);
		// Each row under its document's number × 2³² + its seq: read back by the key's high bits alone.
		const keyed = sqlite.prepare('SELECT n.doc_id, l.seq, l.log_key - (n.doc_no << 32) AS low FROM doc_log l JOIN doc_numbers n ON n.doc_no = l.log_key >> 32 ORDER BY l.log_key').raw().all();
		expect(keyed).toEqual(before.map((row) => [row.doc_id, row.seq, row.seq]));

		const store = createSqliteDocStore(sqlite, { compactEvery: 1e9, compactMinBytes: 1 << 30 });
		expect((await store.load('a')).map((u) => Buffer.from(u).toString())).toEqual(Array.from({ length: 30 }, (_, i) => `a${i + 1}`));
		await store.append('a', Buffer.from('a31'), 'u_31');
		await store.append('d', Buffer.from('d1'), null);
		expect(sqlite.prepare("SELECT max(seq) FROM doc_updates WHERE doc_id = 'a'").pluck().get()).toBe(31);
		expect(sqlite.prepare("SELECT doc_no FROM doc_numbers WHERE doc_id = 'd'").pluck().get()).toBe(Math.max(...numbers.values()) + 1);
		expect(allRows(sqlite).filter((row) => row.doc_id === 'd').map((row) => [row.seq, row.update.toString()])).toEqual([[1, 'd1']]);
		sqlite.close();
	});

	it('0016 refuses a seq past its 32 bits instead of writing into the next document\'s keys', () => {
		const sqlite = new Database(':memory:');
		migrated(sqlite);
		sqlite.prepare("INSERT INTO doc_numbers (doc_no, doc_id) VALUES (1, 'a'), (2, 'b')").run();
		const append = sqlite.prepare('INSERT INTO doc_log (log_key, seq, "update", author_id, created_at) VALUES ((? << 32) + ?, ?, ?, NULL, 0)');
		append.run(1, 2 ** 32 - 1, 2 ** 32 - 1, Buffer.from('last'));
		expect(() => append.run(1, 2 ** 32, 2 ** 32, Buffer.from('one too many'))).toThrow(/CHECK constraint failed/);
		expect(allRows(sqlite).map((row) => [row.doc_id, row.seq])).toEqual([['a', 2 ** 32 - 1]]);
		sqlite.close();
	});
});
