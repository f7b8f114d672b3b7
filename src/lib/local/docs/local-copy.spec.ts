import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTask, readTasks } from '$lib/domain/workspace';
import { IndexeddbPersistence } from 'y-indexeddb';
import { openLocalCopy } from './local-copy';

// Node has no document: enough of one for the visibility listener.
class FakeDocument extends EventTarget {
	visibilityState: DocumentVisibilityState = 'visible';
	listeners = 0;
	override addEventListener(...args: Parameters<EventTarget['addEventListener']>) {
		this.listeners++;
		super.addEventListener(...args);
	}
	override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>) {
		this.listeners--;
		super.removeEventListener(...args);
	}
}
const fakeDocument = new FakeDocument();
beforeAll(() => {
	(globalThis as { document?: unknown }).document = fakeDocument;
});

let n = 0;
const freshName = () => `kohero-doc-spec-${++n}`;
const settle = () => new Promise((r) => setTimeout(r, 50));

async function rows(name: string): Promise<number> {
	const db = await new Promise<IDBDatabase>((resolve) => {
		const req = indexedDB.open(name);
		req.onsuccess = () => resolve(req.result);
	});
	const count = await new Promise<number>((resolve) => {
		const req = db.transaction('updates').objectStore('updates').count();
		req.onsuccess = () => resolve(req.result);
	});
	db.close();
	return count;
}

/** `edits` tasks written through y-indexeddb with its merge held back: rows as an older app version left them. */
async function writeWithYIndexeddb(name: string, edits: number): Promise<void> {
	const doc = new Y.Doc();
	const persistence = new IndexeddbPersistence(name, doc);
	await persistence.whenSynced;
	(persistence as unknown as { _storeTimeout: number })._storeTimeout = 1e9;
	for (let i = 0; i < edits; i++) addTask(doc, { id: `task-${i}-xx`, title: `t${i}`, createdBy: 'u1', now: i });
	await settle();
	await persistence.destroy();
	doc.destroy();
}

afterEach(() => expect(fakeDocument.listeners).toBe(0));

describe('openLocalCopy', () => {
	it('keeps edits on the device across close and reopen', async () => {
		const name = freshName();
		const first = new Y.Doc();
		const a = openLocalCopy(name, first);
		await a.loaded;
		addTask(first, { id: 'task-0001', title: 'Réserver la salle', createdBy: 'u1', now: 1 });
		await settle();
		a.close();
		first.destroy();

		const second = new Y.Doc();
		const b = openLocalCopy(name, second);
		await b.loaded;
		expect(readTasks(second).map((t) => t.title)).toEqual(['Réserver la salle']);
		b.close();
		second.destroy();
	});

	it.each([
		{ edits: 10, merged: false },
		{ edits: 600, merged: true }
	])('opening $edits unmerged rows left by y-indexeddb: merged=$merged', async ({ edits, merged }) => {
		const name = freshName();
		await writeWithYIndexeddb(name, edits);
		const before = await rows(name);
		expect(before).toBeGreaterThanOrEqual(edits);

		const again = new Y.Doc();
		const reopened = openLocalCopy(name, again);
		await reopened.loaded;
		await reopened.written();
		expect(readTasks(again)).toHaveLength(edits);
		reopened.close();
		again.destroy();
		const after = await rows(name);
		if (merged) expect(after).toBeLessThan(5);
		else expect(after).toBe(before); // below the merge threshold, opening writes nothing
	});

	it('an edit made just before close is stored', async () => {
		const name = freshName();
		const doc = new Y.Doc();
		const copy = openLocalCopy(name, doc);
		await copy.loaded;
		addTask(doc, { id: 'task-last', title: 'Dernière', createdBy: 'u1', now: 1 });
		copy.close();
		doc.destroy();
		await settle();

		const again = new Y.Doc();
		const reopened = openLocalCopy(name, again);
		await reopened.loaded;
		expect(readTasks(again).map((t) => t.title)).toEqual(['Dernière']);
		reopened.close();
		again.destroy();
	});

	it('opens a copy written by y-indexeddb (earlier versions of the app)', async () => {
		const name = freshName();
		await writeWithYIndexeddb(name, 20);

		const doc = new Y.Doc();
		const copy = openLocalCopy(name, doc);
		await copy.loaded;
		expect(readTasks(doc)).toHaveLength(20);
		copy.close();
		doc.destroy();
	});

	it('merging keeps the rows another tab added meanwhile', async () => {
		const name = freshName();
		const doc = new Y.Doc();
		const copy = openLocalCopy(name, doc);
		await copy.loaded;
		const otherDoc = new Y.Doc();
		const other = openLocalCopy(name, otherDoc);
		await other.loaded;
		addTask(otherDoc, { id: 'task-other', title: 'autre onglet', createdBy: 'u2', now: 1 });
		await other.written();
		for (let i = 0; i < 400; i++) addTask(doc, { id: `task-${i}-xx`, title: `t${i}`, createdBy: 'u1', now: i });
		await copy.written();
		other.close();
		otherDoc.destroy();
		fakeDocument.visibilityState = 'hidden';
		fakeDocument.dispatchEvent(new Event('visibilitychange'));
		fakeDocument.visibilityState = 'visible';
		await copy.written();
		copy.close();
		doc.destroy();
		await settle();
		expect(await rows(name)).toBeLessThan(5);

		const again = new Y.Doc();
		const reopened = openLocalCopy(name, again);
		await reopened.loaded;
		expect(readTasks(again)).toHaveLength(401);
		expect(readTasks(again).map((t) => t.title)).toContain('autre onglet');
		reopened.close();
		again.destroy();
	});

	it('merges as it goes: a long session never leaves more than ~500 rows', async () => {
		const name = freshName();
		const doc = new Y.Doc();
		const copy = openLocalCopy(name, doc);
		await copy.loaded;
		for (let i = 0; i < 1200; i++) addTask(doc, { id: `task-${i}-xx`, title: `t${i}`, createdBy: 'u1', now: i });
		await copy.written();
		copy.close();
		doc.destroy();
		await settle();
		expect(await rows(name)).toBeLessThan(500);
	});

	it('close is idempotent and removes its listener', async () => {
		const doc = new Y.Doc();
		const copy = openLocalCopy(freshName(), doc);
		expect(fakeDocument.listeners).toBe(1);
		await copy.loaded;
		copy.close();
		copy.close();
		doc.destroy();
	});
});
