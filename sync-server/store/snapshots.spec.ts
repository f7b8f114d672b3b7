import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSqliteDocStore } from './doc-log';
import { fileDocDb, notesOf, removeFileDocDbs } from './spec-doc-db';
import { stopMergeWorker } from './merge-worker';
import { PART_BYTES } from './parts';

afterEach(async () => {
	await stopMergeWorker();
	removeFileDocDbs();
});

/** A writer adding `count` paragraphs of `bytes` each to its notes; `updates` holds them all. */
function writer() {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	const write = (count: number, bytes: number) => {
		for (let i = 0; i < count; i++) doc.getXmlFragment('notes').push([new Y.XmlText(`${updates.length} `.padEnd(bytes, 'x'))]);
		return updates.splice(0);
	};
	return { doc, write };
}

/** A store over a database file (the merge worker reads it) that compacts only when told to. */
function fileStore() {
	const sqlite = fileDocDb();
	return { sqlite, store: createSqliteDocStore(sqlite, { compactEvery: 1e9, compactMinBytes: 1 << 30 }) };
}


describe('big snapshots, in parts', () => {
	it('writes a snapshot over PART_BYTES a part per turn; until the swap, readers see the one it replaces', async () => {
		const { sqlite, store } = fileStore();
		const { doc, write } = writer();
		await Promise.all(write(12, 64 * 1024).map((u) => store.append('big', u, 'user1')));
		await store.compact('big');
		const first = sqlite.prepare('SELECT seq, parts, length(state) AS inline FROM doc_snapshots').get() as { seq: number; parts: number; inline: number };
		expect(first.parts).toBe(Math.ceil(Y.encodeStateAsUpdate(doc).byteLength / PART_BYTES));
		expect(first.inline).toBe(0);

		await Promise.all(write(12, 64 * 1024).map((u) => store.append('big', u, 'user1')));
		const newParts = sqlite.prepare<[number], { n: number }>('SELECT count(*) AS n FROM doc_snapshot_parts WHERE seq > ?');
		const snapshotSeq = sqlite.prepare<[], { seq: number }>('SELECT seq FROM doc_snapshots');
		/** New parts counted at each turn of the loop while the old snapshot was still the one read. */
		const seen: number[] = [];
		let watching = true;
		const watch = () => {
			if (snapshotSeq.get()!.seq === first.seq) seen.push(newParts.get(first.seq)!.n);
			if (watching) setImmediate(watch);
		};
		watch();
		await store.compact('big');
		watching = false;

		const partsNow = Math.ceil(Y.encodeStateAsUpdate(doc).byteLength / PART_BYTES);
		// Every part committed in a turn of its own, the old snapshot read meanwhile.
		expect(new Set(seen.filter((n) => n > 0)).size).toBe(partsNow);
		// The old snapshot's parts and the log it covers are gone with the swap.
		expect(sqlite.prepare('SELECT count(*) AS n FROM doc_snapshot_parts').get()).toEqual({ n: partsNow });
		expect(sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get()).toEqual({ n: 0 });
		expect(notesOf(await store.load('big'))).toEqual(doc.getXmlFragment('notes').toJSON());
		expect(notesOf([(await store.storedState('big'))!])).toEqual(doc.getXmlFragment('notes').toJSON());
		sqlite.close();
	});

	it('never reads the parts a crash left behind, and the next compaction drops them', async () => {
		const { sqlite, store } = fileStore();
		const { doc, write } = writer();
		await Promise.all(write(8, 64 * 1024).map((u) => store.append('big', u, 'user1')));
		await store.compact('big');
		const { seq, parts } = sqlite.prepare('SELECT seq, parts FROM doc_snapshots').get() as { seq: number; parts: number };
		// A compaction cut off before its swap: parts under a later seq, and one past the count under this one.
		const orphan = sqlite.prepare('INSERT INTO doc_snapshot_parts (doc_id, seq, part, bytes) VALUES (?, ?, ?, ?)');
		orphan.run('big', seq + 5, 0, Buffer.from('not yjs'));
		orphan.run('big', seq, parts, Buffer.from('not yjs either'));
		await store.release('big');

		expect(notesOf(await store.load('big'))).toEqual(doc.getXmlFragment('notes').toJSON());
		await Promise.all(write(8, 64 * 1024).map((u) => store.append('big', u, 'user1')));
		await store.compact('big');
		const kept = sqlite.prepare('SELECT seq, count(*) AS n FROM doc_snapshot_parts GROUP BY seq').all();
		const now = sqlite.prepare('SELECT seq, parts FROM doc_snapshots').get() as { seq: number; parts: number };
		expect(kept).toEqual([{ seq: now.seq, n: now.parts }]);
		expect(notesOf(await store.load('big'))).toEqual(doc.getXmlFragment('notes').toJSON());
		sqlite.close();
	});

	it('keeps a small snapshot in its row, and drops the parts of the big one it replaces', async () => {
		const { sqlite, store } = fileStore();
		const { doc, write } = writer();
		await Promise.all(write(8, 64 * 1024).map((u) => store.append('doc', u, 'user1')));
		await store.compact('doc');
		// Everything deleted: the next snapshot is small.
		doc.getXmlFragment('notes').delete(0, 8);
		await Promise.all(write(1, 100).map((u) => store.append('doc', u, 'user1')));
		await store.compact('doc');
		expect(sqlite.prepare('SELECT parts, length(state) > 0 AS inline FROM doc_snapshots').get()).toEqual({ parts: 0, inline: 1 });
		expect(sqlite.prepare('SELECT count(*) AS n FROM doc_snapshot_parts').get()).toEqual({ n: 0 });
		expect(notesOf(await store.load('doc'))).toEqual(doc.getXmlFragment('notes').toJSON());
		sqlite.close();
	});
});
