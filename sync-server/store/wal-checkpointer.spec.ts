import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

let dir: string | undefined;
let checkpointer: WalCheckpointer | null = null;
let sqlite: Database.Database | undefined;
afterEach(async () => {
	await checkpointer?.stop();
	sqlite?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('WAL checkpoints on a worker', () => {
	it('the connection no longer checkpoints in its commits; the worker copies the WAL into the database', async () => {
		dir = mkdtempSync(join(tmpdir(), 'kohero-wal-'));
		sqlite = new Database(join(dir, 'kohero.db'));
		sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('synchronous = NORMAL');
		sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)');
		checkpointer = startWalCheckpointer(sqlite, 60_000);
		expect(checkpointer).not.toBeNull();
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
		// Past 1000 pages of WAL: a connection that checkpoints itself would have restarted its WAL by now.
		const insert = sqlite.prepare('INSERT INTO t (v) VALUES (?)');
		for (let i = 0; i < 1500; i++) insert.run(Buffer.alloc(4000, i % 256));
		const result = await checkpointer!.now();
		expect(result.log).toBeGreaterThan(1500);
		expect(result.checkpointed).toBe(result.log);
		await checkpointer!.stop();
		checkpointer = null;
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
	});
});
