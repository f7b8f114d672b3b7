import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTask, readTasks } from '$lib/domain/workspace';
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
	])('after loading $edits unmerged edits, merged=$merged', async ({ edits, merged }) => {
		const name = freshName();
		const doc = new Y.Doc();
		const copy = openLocalCopy(name, doc);
		await copy.loaded;
		for (let i = 0; i < edits; i++) addTask(doc, { id: `task-${i}-xx`, title: `t${i}`, createdBy: 'u1', now: i });
		await settle();
		copy.close();
		doc.destroy();
		const before = await rows(name);
		expect(before).toBeGreaterThanOrEqual(edits);

		const again = new Y.Doc();
		const reopened = openLocalCopy(name, again);
		await reopened.loaded;
		await settle();
		expect(readTasks(again)).toHaveLength(edits);
		reopened.close();
		again.destroy();
		const after = await rows(name);
		if (merged) expect(after).toBeLessThan(5);
		else expect(after).toBe(before + 1); // y-indexeddb stores the loaded state as one more row
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
