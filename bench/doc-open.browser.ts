// Runs in Chromium (bundled by doc-open.ts): writes a document edit by edit
// through y-indexeddb, then times opening it again from IndexedDB.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { addTask, notesOf, readTasks, setTaskDone } from '../src/lib/domain/workspace';
import { appendParagraph } from './lib/notes';
import { openLocalCopy } from '../src/lib/local/docs/local-copy';

const NAME = 'kohero-doc-bench';

async function rows(): Promise<number> {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const req = indexedDB.open(NAME);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	const count = await new Promise<number>((resolve) => {
		const req = db.transaction('updates').objectStore('updates').count();
		req.onsuccess = () => resolve(req.result);
	});
	db.close();
	return count;
}

/** `edits` separate transactions, like a person typing: characters in the notes, some tasks. */
async function write(edits: number, merge: boolean): Promise<{ rows: number; bytes: number }> {
	await new Promise((resolve) => {
		const req = indexedDB.deleteDatabase(NAME);
		req.onsuccess = req.onerror = resolve;
	});
	const doc = new Y.Doc();
	const persistence = new IndexeddbPersistence(NAME, doc);
	await persistence.whenSynced;
	// Without merging: the tab was closed while typing, before y-indexeddb's
	// debounced merge ran, so every edit is still its own row.
	if (!merge) (persistence as unknown as { _storeTimeout: number })._storeTimeout = 1e9;
	const text = appendParagraph(doc);
	const words = 'on se retrouve samedi devant la mairie pour planter les bacs ';
	for (let i = 1; i < edits; i++) {
		if (i % 50 === 0) addTask(doc, { id: `task-${i}`, title: `Tâche ${i}`, createdBy: 'u1', now: i });
		else if (i % 50 === 25) setTaskDone(doc, `task-${i - 25}`, true);
		else text.insert(text.length, words[i % words.length]);
	}
	// y-indexeddb writes each update as a row and merges them 1 s after 500 rows.
	await new Promise((r) => setTimeout(r, 1500));
	const bytes = Y.encodeStateAsUpdate(doc).byteLength;
	await persistence.destroy();
	doc.destroy();
	return { rows: await rows(), bytes };
}

/**
 * Opens the document as the app does (openLocalCopy: one getAll, one merged
 * update), or with stock y-indexeddb (one applyUpdate per row) for reference;
 * timed until its content is readable.
 */
async function open(withYIndexeddb = false): Promise<{ ms: number; tasks: number; chars: number; rowsAfter: number }> {
	const start = performance.now();
	const doc = new Y.Doc();
	let local: { close(): void };
	if (withYIndexeddb) {
		const persistence = new IndexeddbPersistence(NAME, doc);
		await persistence.whenSynced;
		local = { close: () => void persistence.destroy() };
	} else {
		const copy = openLocalCopy(NAME, doc);
		await copy.loaded;
		local = copy;
	}
	const tasks = readTasks(doc).length;
	const ms = performance.now() - start;
	const chars = notesOf(doc).toString().length;
	await new Promise((r) => setTimeout(r, 300)); // let the merge-on-load finish
	local.close();
	doc.destroy();
	return { ms, tasks, chars, rowsAfter: await rows() };
}

Object.assign(window, { bench: { write, open } });
