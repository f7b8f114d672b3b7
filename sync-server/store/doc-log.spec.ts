import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSqliteDocStore } from './doc-log';
import { fileDocDb, itemEdits, itemsOf, memoryDocDb, removeFileDocDbs } from './spec-doc-db';
import { stopMergeWorker } from './merge-worker';

const rowCount = (sqlite: Database.Database) =>
	(sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;

describe('SQLite doc store', () => {
	afterAll(async () => {
		await stopMergeWorker();
		removeFileDocDbs();
	});

	it('group-commits appends in order with increasing seq', async () => {
		const sqlite = memoryDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 });
		const { updates } = itemEdits(10, 'x');
		await Promise.all(updates.map((u) => store.append('doc1', u, 'user1')));
		const seqs = sqlite.prepare('SELECT seq FROM doc_updates ORDER BY seq').all() as { seq: number }[];
		expect(seqs.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(itemsOf(await store.load('doc1'))).toEqual(itemEdits(10, 'x').doc.getArray('items').toArray());
	});

	it('commits a lone append in the turn it arrived, before anything queued for the next turn runs', async () => {
		const sqlite = memoryDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 });
		const { updates } = itemEdits(1, 'seul');
		const order: string[] = [];
		// Queued first: a commit left for the end of the turn (setImmediate) would run after it.
		const nextTurn = new Promise<void>((resolve) => setImmediate(() => resolve(void order.push('end of turn'))));
		const committed = store.append('doc-seul', updates[0], 'user1').then(() => {
			order.push(`committed (${rowCount(sqlite)} row)`);
		});
		await Promise.all([nextTurn, committed]);
		expect(order).toEqual(['committed (1 row)', 'end of turn']);
	});

	it('a refused commit, of a lone row or of a batch, stores none of its rows and uses none of its seqs', async () => {
		const sqlite = memoryDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 });
		const { updates } = itemEdits(5, 'r');
		await store.append('doc-r', updates[0], 'user1');
		sqlite.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON doc_log WHEN NEW.seq = 2 BEGIN SELECT RAISE(ABORT, 'refused'); END`);
		// Alone in its turn: committed by its own statement.
		await expect(store.append('doc-r', updates[1], 'user1')).rejects.toThrow('refused');
		// Together in one turn: one transaction, rolled back whole.
		const batch = [updates[1], updates[2]].map((u) => store.append('doc-r', u, 'user1'));
		await Promise.all(batch.map((p) => expect(p).rejects.toThrow('refused')));
		expect(rowCount(sqlite)).toBe(1);
		sqlite.exec('DROP TRIGGER refuse');
		await Promise.all(updates.slice(1).map((u) => store.append('doc-r', u, 'user1')));
		const seqs = sqlite.prepare('SELECT seq FROM doc_updates ORDER BY seq').all() as { seq: number }[];
		expect(seqs.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
		expect(itemsOf(await store.load('doc-r'))).toEqual(itemEdits(5, 'r').doc.getArray('items').toArray());
	});

	it('a document whose log cannot be read refuses the append (no uncaught error) and gives no seq away', async () => {
		const sqlite = memoryDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 });
		const { updates } = itemEdits(2, 'n');
		// The document numbers out of reach: reading a new document's last seq fails.
		sqlite.exec('ALTER TABLE doc_numbers RENAME TO doc_numbers_away');
		await expect(store.append('doc-n', updates[0], 'user1')).rejects.toThrow('doc_numbers');
		sqlite.exec('ALTER TABLE doc_numbers_away RENAME TO doc_numbers');
		await Promise.all(updates.map((u) => store.append('doc-n', u, 'user1')));
		const seqs = sqlite.prepare('SELECT seq FROM doc_updates ORDER BY seq').all() as { seq: number }[];
		expect(seqs.map((r) => r.seq)).toEqual([1, 2]);
	});

	it('commits a big append in the next turn of the loop, with what is appended meanwhile', async () => {
		const sqlite = memoryDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20, commitInNextTurnFromBytes: 1000 });
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		doc.getText('notes').insert(0, 'x'.repeat(1000));
		doc.getText('notes').insert(0, 'y');
		const big = store.append('doc-big', updates[0], 'user1');
		const small = store.append('doc-big', updates[1], 'user1');
		expect(small).toBe(big);
		let committed = false;
		void big.then(() => (committed = true));
		// Where a lone append commits (the callback's ticks and promise reactions): not there.
		await new Promise((resolve) => process.nextTick(resolve));
		await Promise.resolve();
		expect([committed, rowCount(sqlite)]).toEqual([false, 0]);
		await big;
		expect(rowCount(sqlite)).toBe(2);
	});

	it('groups the appends that follow a commit in the same turn, and keeps grouping while every turn brings more', async () => {
		const sqlite = memoryDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 });
		const { updates } = itemEdits(6, 'g');
		const appendInTurn = (from: number, to: number) =>
			new Promise<Promise<void>[]>((resolve) => {
				const promises: Promise<void>[] = [];
				// Callbacks of one check phase: like frames read from several sockets in one turn.
				for (let i = from; i < to; i++) setImmediate(() => promises.push(store.append('doc-g', updates[i], 'user1')));
				setImmediate(() => resolve(promises));
			});
		const first = await appendInTurn(0, 3);
		// The first commits alone and at once; the two after it share one group commit.
		expect(first[0]).not.toBe(first[1]);
		expect(first[1]).toBe(first[2]);
		expect(rowCount(sqlite)).toBe(1);
		// The group commit ran at the end of that turn: the next turn's appends are grouped too.
		const second = await appendInTurn(3, 5);
		expect(second[0]).toBe(second[1]);
		await Promise.all([...first, ...second]);
		expect(rowCount(sqlite)).toBe(5);
		// A quiet turn later, a lone append commits at once again.
		await new Promise((r) => setTimeout(r, 0));
		await new Promise((r) => setImmediate(r));
		const order: string[] = [];
		const nextTurn = new Promise<void>((resolve) => setImmediate(() => resolve(void order.push('end of turn'))));
		await Promise.all([nextTurn, store.append('doc-g', updates[5], 'user1').then(() => void order.push('committed'))]);
		expect(order).toEqual(['committed', 'end of turn']);
		expect(itemsOf(await store.load('doc-g'))).toEqual(itemEdits(6, 'g').doc.getArray('items').toArray());
	});

	it.each([
		['in memory', memoryDocDb],
		['in a file, read and merged by the worker', fileDocDb]
	])('compacts past the threshold without losing updates appended during the merge (%s)', async (_, open) => {
		const sqlite = open();
		const store = createSqliteDocStore(sqlite, { compactEvery: 5, compactMinBytes: 1 << 20 });
		const { doc, updates } = itemEdits(40, 'y');
		// Appends keep landing while compactions (which yield to the loop) run.
		for (const u of updates) {
			void store.append('doc2', u, 'user1');
			await new Promise((r) => setImmediate(r));
		}
		await store.flush();
		await store.compact('doc2');
		expect(itemsOf(await store.load('doc2'))).toEqual(doc.getArray('items').toArray());
		expect(rowCount(sqlite)).toBe(0);
		const snapshot = sqlite.prepare('SELECT seq FROM doc_snapshots WHERE doc_id = ?').get('doc2') as { seq: number };
		expect(snapshot.seq).toBe(40);

		// Appends continue after the snapshot's seq.
		const more = new Y.Doc();
		Y.applyUpdate(more, Y.encodeStateAsUpdate(doc));
		let last: Uint8Array | null = null;
		more.on('update', (u: Uint8Array) => (last = u));
		more.getArray<string>('items').push(['z']);
		await store.append('doc2', last!, 'user1');
		expect(itemsOf(await store.load('doc2')).at(-1)).toBe('z');
		sqlite.close();
	});

	it('release compacts the log and keeps storage near the encoded state', async () => {
		const sqlite = memoryDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 });
		const doc = new Y.Doc();
		const pending: Promise<void>[] = [];
		doc.on('update', (u: Uint8Array) => pending.push(store.append('doc3', u, 'user1')));
		for (let i = 0; i < 200; i++) {
			doc.getText('t').insert(0, 'brouillon ');
			doc.getText('t').delete(0, 10);
		}
		await Promise.all(pending);
		await store.release('doc3');
		const stored = sqlite.prepare('SELECT length(state) AS n FROM doc_snapshots').get() as { n: number };
		expect(rowCount(sqlite)).toBe(0);
		expect(stored.n).toBeLessThanOrEqual(2 * Y.encodeStateAsUpdate(doc).byteLength);
	});
});
