/**
 * drizzle/0015 on a database that already holds update logs: every row is kept, byte for byte, and the
 * log is now stored in document order (WITHOUT ROWID), where appends, loads and prunes go on working.
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

type Row = { doc_id: string; seq: number; update: Buffer; author_id: string | null; created_at: number };
const allRows = (sqlite: Database.Database) => sqlite.prepare('SELECT * FROM doc_updates ORDER BY doc_id, seq').all() as Row[];

describe('migration 0015 (the update log in document order)', () => {
	it('keeps every row of the log and stores it clustered by document', async () => {
		const sqlite = new Database(':memory:');
		migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore(15, dir) });
		const insert = sqlite.prepare('INSERT INTO doc_updates (doc_id, seq, "update", author_id, created_at) VALUES (?, ?, ?, ?, ?)');
		// Interleaved, as a relay writes them.
		for (let seq = 1; seq <= 30; seq++) for (const doc of ['b', 'a', 'c']) insert.run(doc, seq, Buffer.from(`${doc}${seq}`), seq % 5 === 0 ? null : `u_${seq}`, 1000 + seq);
		const before = allRows(sqlite);

		migrated(sqlite);

		expect(allRows(sqlite)).toEqual(before);
		expect(sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'doc_updates'").pluck().get()).toMatch(/WITHOUT ROWID\s*$/);
		const store = createSqliteDocStore(sqlite, { compactEvery: 1e9, compactMinBytes: 1 << 30 });
		expect((await store.load('a')).map((u) => Buffer.from(u).toString())).toEqual(Array.from({ length: 30 }, (_, i) => `a${i + 1}`));
		await store.append('a', Buffer.from('a31'), 'u_31');
		expect(sqlite.prepare("SELECT max(seq) FROM doc_updates WHERE doc_id = 'a'").pluck().get()).toBe(31);
		sqlite.close();
	});
});
