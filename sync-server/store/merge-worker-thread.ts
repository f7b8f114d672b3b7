/**
 * What runs on the merge worker's thread (merge-worker.ts starts it and posts it jobs): its
 * source, evaluated there, and the SQL it reads with. The source is a string because the
 * relay is bundled into one file (build/server.js); the worker loads yjs and better-sqlite3
 * by the absolute paths merge-worker.ts resolves. Three jobs: merge updates, merge a stored
 * document (snapshot and log, read on the worker's own connection), find an entry in one.
 */
import { SNAPSHOT_SQL } from './snapshots';
import { LOG_SQL } from './log-sql';

/** The SQL both threads run (one source: the worker gets it in its workerData). */
export const COMPACTION_SQL = {
	snapshot: SNAPSHOT_SQL.row,
	snapshotParts: SNAPSHOT_SQL.parts,
	log: LOG_SQL.rows
} as const;

/** A document's snapshot and log merged: the new snapshot, the last seq it covers, the log rows and bytes it took in. */
export interface Merged {
	state: Uint8Array;
	coveredSeq: number;
	rows: number;
	mergedBytes: number;
}

/** The worker's code (CommonJS, evaluated with `eval: true`). */
export const MERGE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
const SQL = workerData.sql;
function docOf(updates) {
	const doc = new Y.Doc({ gc: true });
	doc.transact(() => { for (const u of updates) Y.applyUpdate(doc, u); });
	return doc;
}
function merge(updates) {
	const doc = docOf(updates);
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}
/** The stored document as updates to apply in order: its snapshot (if any), then its log. */
function inOrder(snap, updates) {
	return snap ? [snap.state, ...updates] : updates;
}
const databases = new Map();
function database(file) {
	let found = databases.get(file);
	if (found) return found;
	const Database = require(workerData.driver);
	// A reader only (WAL: it never waits for the relay's writes, nor they for it).
	const db = new Database(file, { readonly: true });
	const snapshot = db.prepare(SQL.snapshot);
	const parts = db.prepare(SQL.snapshotParts);
	const log = db.prepare(SQL.log);
	found = db.transaction((docId, upTo) => {
		const snap = snapshot.get(docId);
		// A big snapshot is stored in parts (snapshots.ts).
		if (snap && snap.parts > 0) snap.state = Buffer.concat(parts.all(docId, snap.seq, snap.parts).map((part) => part.bytes));
		return { snap, rows: log.all(docId, snap ? snap.seq : 0, upTo) };
	});
	databases.set(file, found);
	return found;
}
/** Rows committed after this read have a higher seq: the relay's write keeps them in the log. */
function mergeStored(file, docId, upTo, whole) {
	const { snap, rows } = database(file)(docId, upTo);
	if (rows.length === 0 && !(whole && snap)) return null;
	const updates = rows.map((row) => row.update);
	const state = rows.length === 0 ? new Uint8Array(snap.state) : merge(inOrder(snap, updates));
	return { state, coveredSeq: rows.length > 0 ? rows[rows.length - 1].seq : snap.seq, rows: rows.length, mergedBytes: updates.reduce((sum, u) => sum + u.byteLength, 0) };
}
/** The first Y.Map of array \`find.array\` whose \`find.key\` is \`find.value\`, as JSON, in the stored document (null: none). */
function findStored(file, docId, find) {
	const { snap, rows } = database(file)(docId, Number.MAX_SAFE_INTEGER);
	const doc = docOf(inOrder(snap, rows.map((row) => row.update)));
	try {
		for (const item of doc.getArray(find.array)) if (item instanceof Y.Map && item.get(find.key) === find.value) return item.toJSON();
		return null;
	} finally {
		doc.destroy();
	}
}
parentPort.on('message', ({ id, updates, file, docId, upTo, whole, find }) => {
	try {
		if (find) {
			parentPort.postMessage({ id, found: findStored(file, docId, find) });
		} else if (file) {
			const merged = mergeStored(file, docId, upTo, whole);
			parentPort.postMessage({ id, merged }, merged ? [merged.state.buffer] : []);
		} else {
			const state = merge(updates);
			parentPort.postMessage({ id, state }, [state.buffer]);
		}
	} catch (err) {
		parentPort.postMessage({ id, error: String(err) });
	}
});
`;
