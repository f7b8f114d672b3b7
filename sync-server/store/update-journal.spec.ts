import Database from 'better-sqlite3';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createSqliteDocStore, type SqliteDocStore } from './doc-log';
import { fileDocDb, itemEdits, itemsOf, removeFileDocDbs } from './spec-doc-db';
import { stopMergeWorker } from './merge-worker';
import { openUpdateJournal, type JournalRow } from './update-journal';

/** A writer's updates, as the relay receives them. */
const edits = (count: number, prefix: string): Uint8Array[] => itemEdits(count, prefix).updates;

const OPTIONS = { compactEvery: 1000, compactMinBytes: 1 << 20 };
const tempDirs: string[] = [];

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'kohero-journal-'));
	tempDirs.push(dir);
	return dir;
}

const storedSeqs = (sqlite: Database.Database, docId: string): number[] =>
	(sqlite.prepare('SELECT seq FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(docId) as { seq: number }[]).map((r) => r.seq);

/** A store on a database file, its commits going through the journal beside it. */
function journaled(sqlite = fileDocDb()): { sqlite: Database.Database; store: SqliteDocStore; journalFile: string } {
	const journalFile = `${sqlite.name}.updates`;
	return { sqlite, store: createSqliteDocStore(sqlite, { ...OPTIONS, journal: openUpdateJournal(journalFile) }), journalFile };
}

/** The files as a crash would leave them now (the database, its WAL, the journal), in a new directory. */
function crashImage(sqlite: Database.Database): Database.Database {
	const dir = tempDir();
	for (const suffix of ['', '-wal', '.updates']) {
		if (existsSync(sqlite.name + suffix)) copyFileSync(sqlite.name + suffix, join(dir, basename(sqlite.name) + suffix));
	}
	const copy = new Database(join(dir, basename(sqlite.name)));
	copy.pragma('journal_mode = WAL');
	return copy;
}

const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('update journal', () => {
	afterAll(async () => {
		await stopMergeWorker();
		removeFileDocDbs();
		for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	it('reads back every whole record, and a record torn by a crash is neither read nor kept', () => {
		const file = join(tempDir(), 'j.updates');
		const journal = openUpdateJournal(file);
		const rows: JournalRow[] = [
			{ docId: 'init_é', seq: 1, update: new Uint8Array([1, 2, 3]), authorId: 'user_ß', createdAt: 1_700_000_000_123 },
			{ docId: 'init_é', seq: 2, update: new Uint8Array(0), authorId: null, createdAt: 1_700_000_000_124 }
		];
		journal.write(rows.slice(0, 1));
		journal.write(rows.slice(1));
		journal.close();
		const whole = statSync(file).size;
		// A third record cut short: its header says more bytes than follow.
		const torn = Buffer.alloc(20);
		torn.writeUInt32LE(100, 0);
		appendFileSync(file, torn);
		const again = openUpdateJournal(file);
		expect(again.rows()).toEqual(rows);
		expect(statSync(file).size).toBe(whole);
		// Written after the cut, the next record is read too.
		again.write([{ ...rows[0], seq: 3 }]);
		expect(again.rows().map((r) => r.seq)).toEqual([1, 2, 3]);
		again.close();
	});

	it('stops at a record whose checksum fails', () => {
		const file = join(tempDir(), 'j.updates');
		const journal = openUpdateJournal(file);
		const row: JournalRow = { docId: 'd', seq: 1, update: new Uint8Array([7, 7, 7]), authorId: 'u', createdAt: 1 };
		journal.write([row, { ...row, seq: 2 }]);
		journal.close();
		const bytes = readFileSync(file);
		bytes[bytes.byteLength - 1] ^= 0xff;
		writeFileSync(file, bytes);
		expect(openUpdateJournal(file).rows().map((r) => r.seq)).toEqual([1]);
	});

	it('is emptied once it has grown, and only then', () => {
		const file = join(tempDir(), 'j.updates');
		const journal = openUpdateJournal(file, 100);
		journal.write([{ docId: 'd', seq: 1, update: new Uint8Array(10), authorId: null, createdAt: 1 }]);
		journal.trim();
		expect(statSync(file).size).toBeGreaterThan(0);
		journal.write([{ docId: 'd', seq: 2, update: new Uint8Array(100), authorId: null, createdAt: 1 }]);
		journal.trim();
		expect(statSync(file).size).toBe(0);
		journal.close();
	});

	it('commits a quiet append to the journal; SQLite takes it a while later, not at the end of its turn', async () => {
		const { sqlite, store, journalFile } = journaled();
		const [update] = edits(1, 'a');
		let atCommit: { stored: number[]; journaled: number[] } | null = null;
		await store.append('doc-a', update, 'user1').then(() => {
			atCommit = { stored: storedSeqs(sqlite, 'doc-a'), journaled: openUpdateJournal(journalFile).rows().map((r) => r.seq) };
		});
		expect(atCommit).toEqual({ stored: [], journaled: [1] });
		await endOfTurn();
		expect(storedSeqs(sqlite, 'doc-a')).toEqual([]);
		await vi.waitFor(() => expect(storedSeqs(sqlite, 'doc-a')).toEqual([1]), { timeout: 5000, interval: 20 });
	});

	it('a crash right after a commit loses nothing: the next start stores what the journal holds', async () => {
		const { sqlite, store } = journaled();
		const updates = edits(3, 'c');
		await store.append('doc-c', updates[0], 'user1');
		// A turn later (the next appends are quiet again), SQLite takes it.
		await endOfTurn();
		await store.flush();
		let image: Database.Database | null = null;
		// Two more, committed in one callback: the image is taken before SQLite has them.
		await Promise.all([store.append('doc-c', updates[1], 'user1'), store.append('doc-c', updates[2], null)]).then(() => {
			image = crashImage(sqlite);
		});
		const copy = image!;
		expect(storedSeqs(copy, 'doc-c')).toEqual([1]);
		const { store: restarted, journalFile } = journaled(copy);
		expect(storedSeqs(copy, 'doc-c')).toEqual([1, 2, 3]);
		expect(statSync(journalFile).size).toBe(0);
		expect(itemsOf(await restarted.load('doc-c'))).toEqual(['c0', 'c1', 'c2']);
		const authors = copy.prepare('SELECT author_id AS a FROM doc_updates WHERE doc_id = ? ORDER BY seq').all('doc-c') as { a: string | null }[];
		expect(authors.map((r) => r.a)).toEqual(['user1', 'user1', null]);
		// The next append takes the next seq.
		await restarted.append('doc-c', edits(1, 'd')[0], 'user1');
		await restarted.flush();
		expect(storedSeqs(copy, 'doc-c')).toEqual([1, 2, 3, 4]);
	});

	it('rows already stored, or merged into the snapshot, are not stored again at start', async () => {
		const { sqlite, store } = journaled();
		for (const u of edits(3, 'k')) await store.append('doc-kept', u, 'user1');
		for (const u of edits(3, 's')) await store.append('doc-merged', u, 'user1');
		await store.flush();
		await store.compact('doc-merged');
		expect(storedSeqs(sqlite, 'doc-merged')).toEqual([]);
		const copy = crashImage(sqlite);
		const { store: restarted } = journaled(copy);
		expect(storedSeqs(copy, 'doc-kept')).toEqual([1, 2, 3]);
		expect(storedSeqs(copy, 'doc-merged')).toEqual([]);
		expect(itemsOf(await restarted.load('doc-merged'))).toEqual(['s0', 's1', 's2']);
	});

	it('rows SQLite refuses after their commit stay in the journal: stored at the next try, or at the next start', async () => {
		const { sqlite, store } = journaled();
		const updates = edits(2, 'r');
		sqlite.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON doc_log BEGIN SELECT RAISE(ABORT, 'disque plein'); END`);
		await store.append('doc-r', updates[0], 'user1');
		await store.flush();
		expect(storedSeqs(sqlite, 'doc-r')).toEqual([]);
		// A crash now: the next start stores it (the copy has no temporary trigger).
		const copy = crashImage(sqlite);
		journaled(copy);
		expect(storedSeqs(copy, 'doc-r')).toEqual([1]);
		// Or the disk comes back: the next try stores both, in order.
		sqlite.exec('DROP TRIGGER refuse');
		await store.append('doc-r', updates[1], 'user1');
		await store.flush();
		expect(storedSeqs(sqlite, 'doc-r')).toEqual([1, 2]);
		expect(itemsOf(await store.load('doc-r'))).toEqual(['r0', 'r1']);
	});

	it('a failed journal write commits nothing and uses no seq; SQLite takes the commits from then on', async () => {
		const sqlite = fileDocDb();
		const journal = openUpdateJournal(`${sqlite.name}.updates`);
		const store = createSqliteDocStore(sqlite, { ...OPTIONS, journal });
		const updates = edits(2, 'f');
		// Its file descriptor closed under it: every write fails.
		journal.close();
		await expect(store.append('doc-f', updates[0], 'user1')).rejects.toThrow();
		await store.append('doc-f', updates[1], 'user1');
		expect(storedSeqs(sqlite, 'doc-f')).toEqual([1]);
		expect(await store.load('doc-f')).toEqual([updates[1]]);
	});

	it('readers find every committed row: a stored state, a load, a flush', async () => {
		const { sqlite, store } = journaled();
		const updates = edits(3, 'v');
		await store.append('doc-v', updates[0], 'user1');
		const state = await store.storedState('doc-v');
		expect(itemsOf([state!])).toEqual(['v0']);
		await store.append('doc-v', updates[1], 'user1');
		await store.flush();
		expect(storedSeqs(sqlite, 'doc-v')).toEqual([1, 2]);
		await store.append('doc-v', updates[2], 'user1');
		expect(itemsOf(await store.load('doc-v'))).toEqual(['v0', 'v1', 'v2']);
	});
});
