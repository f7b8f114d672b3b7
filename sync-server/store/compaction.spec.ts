import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactDoc, compactionStatements, type CompactionStatements } from './compaction';
import { createSqliteDocStore } from './doc-log';
import { fileDocDb, notesOf, removeFileDocDbs } from './spec-doc-db';
import { stopMergeWorker } from './merge-worker';

afterEach(async () => {
	await stopMergeWorker();
	removeFileDocDbs();
});

/** A writer's updates: paragraphs of `bytes` each, then edits of the first. */
function edits(count: number, bytes: number): { doc: Y.Doc; updates: Uint8Array[] } {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	const notes = doc.getXmlFragment('notes');
	for (let i = 0; i < count; i++) {
		const text = new Y.XmlText(`${i} `.padEnd(bytes, 'x'));
		notes.push([text]);
		if (i % 4 === 3) (notes.get(0) as Y.XmlText).insert(0, `${i}`);
	}
	return { doc, updates };
}

describe('compaction of a database file', () => {
	it('reads and merges on the worker: the relay thread only writes the new snapshot', async () => {
		const sqlite = fileDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1e9, compactMinBytes: 1 << 30 });
		const { doc, updates } = edits(40, 64 * 1024);
		await Promise.all(updates.map((u) => store.append('big', u, 'user1')));
		const refuse = () => {
			throw new Error('ran on the relay thread');
		};
		const statements = compactionStatements(sqlite);
		const offThread: CompactionStatements = { ...statements, snapshot: refuse, log: { all: refuse } as never };
		const stats = { docNo: null, nextSeq: updates.length + 1, logCount: updates.length, logBytes: 0, snapshotBytes: 0 };

		expect(await compactDoc(offThread, 'big', stats)).toBe(true);

		expect(stats.snapshotBytes).toBe(Y.encodeStateAsUpdate(doc).byteLength);
		expect(stats.logCount).toBe(0);
		expect(sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get()).toEqual({ n: 0 });
		expect(notesOf(await store.load('big'))).toEqual(doc.getXmlFragment('notes').toJSON());
		sqlite.close();
	});

	it('storedState is the document of that moment, even with compactions queued before it and updates after it', async () => {
		const sqlite = fileDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1e9, compactMinBytes: 1 << 30 });
		const { doc, updates } = edits(30, 2048);
		const before = updates.slice(0, 20);
		for (const u of before) void store.append('doc', u, 'user1');
		await store.flush();
		const running = store.compact('doc');
		// Queued behind the first: it reads the log once it starts, after the updates below.
		const queued = store.compact('doc');
		const state = store.storedState('doc');
		for (const u of updates.slice(20)) void store.append('doc', u, 'user1');
		await store.flush();
		await Promise.all([running, queued]);

		expect(notesOf([(await state)!])).toEqual(notesOf(before));
		// Nothing was lost either: the queued compaction left what came after in the log.
		expect(notesOf(await store.load('doc'))).toEqual(doc.getXmlFragment('notes').toJSON());
		await store.compact('doc');
		expect(sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get()).toEqual({ n: 0 });
		sqlite.close();
	});

	it('storedState of a document with no log is its snapshot, and null for an unknown document', async () => {
		const sqlite = fileDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1e9, compactMinBytes: 1 << 30 });
		const { doc, updates } = edits(5, 100);
		await Promise.all(updates.map((u) => store.append('doc', u, 'user1')));
		await store.compact('doc');
		expect(notesOf([(await store.storedState('doc'))!])).toEqual(doc.getXmlFragment('notes').toJSON());
		expect(await store.storedState('nothing')).toBeNull();
		sqlite.close();
	});
});

describe('the log on disk', () => {
	it("compacting one document rewrites its own log's pages, not those of the documents written beside it", async () => {
		const sqlite = fileDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1e9, compactMinBytes: 1 << 30 });
		// 40 documents written at once, as on a busy relay: their updates arrive interleaved.
		const docs = Array.from({ length: 40 }, (_, i) => ({ id: `doc-${i}`, ...edits(200, 100) }));
		const perDoc = docs[0].updates.length;
		for (let n = 0; n < perDoc; n++) for (const { id, updates } of docs) void store.append(id, updates[n], 'user1');
		await store.flush();
		sqlite.pragma('wal_checkpoint(TRUNCATE)');
		const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
		const ownPages = Math.ceil(docs[0].updates.reduce((sum, u) => sum + u.byteLength, 0) / pageSize);

		await store.compact('doc-0');

		// Pages the compaction wrote: the WAL's frames since it was emptied.
		const [{ log }] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
		expect(log).toBeLessThanOrEqual(2 * ownPages + 10);
		expect(notesOf(await store.load('doc-0'))).toEqual(docs[0].doc.getXmlFragment('notes').toJSON());
		expect(notesOf(await store.load('doc-1'))).toEqual(docs[1].doc.getXmlFragment('notes').toJSON());
		sqlite.close();
	});
});
