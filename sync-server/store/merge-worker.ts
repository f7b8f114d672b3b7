/**
 * Compacts documents on a worker thread, so a multi-MB document compacting
 * never blocks the relay's loop. For a database on disk the worker reads the
 * snapshot and the log on its own connection and merges them; the relay's
 * thread only posts the document's id and writes the new snapshot it gets back
 * (moved, not copied). Reading multi-MB rows here and copying them to the
 * worker took 25–45 ms of the relay's thread per compaction of a 3.6 MB
 * document (bench:relay-fanin). The write stays here: the relay's connection
 * is the database's only writer, so no write of the app's ever finds its
 * snapshot outdated by another connection's commit (SQLITE_BUSY_SNAPSHOT,
 * which no busy timeout waits out). An in-memory database cannot be shared
 * with a thread: its rows are read here and merged there.
 * One lazily started worker for the process; it loads yjs and better-sqlite3
 * by absolute path (resolved here), so the same code runs from build/server.js
 * and under tsx. If the worker cannot run, everything falls back to this thread.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { SNAPSHOT_SQL } from './snapshots';

/** The SQL both threads run (one source: the worker gets it in its workerData). */
export const COMPACTION_SQL = {
	snapshot: SNAPSHOT_SQL.row,
	snapshotParts: SNAPSHOT_SQL.parts,
	log: 'SELECT seq, "update" FROM doc_updates WHERE doc_id = ? AND seq > ? AND seq <= ? ORDER BY seq'
} as const;

/** A document's snapshot and log merged: the new snapshot, the last seq it covers, the log rows and bytes it took in. */
export interface Merged {
	state: Uint8Array;
	coveredSeq: number;
	rows: number;
	mergedBytes: number;
}

const WORKER_SOURCE = `
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

type Reply = { id: number; state?: Uint8Array; merged?: Merged | null; found?: Record<string, unknown> | null; error?: string };
type Job = { resolve: (reply: Reply) => void; reject: (err: Error) => void };

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const waiting = new Map<number, Job>();

function failAll(err: Error): void {
	for (const { reject } of waiting.values()) reject(err);
	waiting.clear();
}

function started(): Worker | null {
	if (worker || broken) return worker;
	try {
		const resolve = createRequire(import.meta.url).resolve;
		worker = new Worker(WORKER_SOURCE, {
			eval: true,
			workerData: { yjs: resolve('yjs'), driver: resolve('better-sqlite3'), sql: COMPACTION_SQL }
		});
	} catch {
		broken = true;
		return null;
	}
	worker.unref();
	worker.on('message', (reply: Reply) => {
		const job = waiting.get(reply.id);
		waiting.delete(reply.id);
		if (waiting.size === 0) worker?.unref();
		if (!job) return;
		if (reply.error === undefined) job.resolve(reply);
		else job.reject(new Error(reply.error));
	});
	worker.on('error', (err) => {
		broken = true;
		worker = null;
		failAll(err);
	});
	worker.on('exit', () => {
		worker = null;
		failAll(new Error('merge worker exited'));
	});
	return worker;
}

/** Posts one job; null when there is no worker to post it to. */
function ask(thread: Worker | null, message: object): Promise<Reply> | null {
	if (!thread) return null;
	const id = nextId++;
	return new Promise<Reply>((resolve, reject) => {
		waiting.set(id, { resolve, reject });
		// Referenced while a job is awaited, so a caller waiting on it keeps the process up.
		thread.ref();
		thread.postMessage({ id, ...message });
	});
}

/**
 * Starts the worker now (at server start): starting it costs the main thread ~100 ms,
 * which the first compaction would otherwise pay in the middle of live traffic.
 */
export function startMergeWorker(): void {
	started();
}

/** The merge on this thread (the fallback, and what the worker does). */
export function mergeHere(updates: readonly Uint8Array[]): Uint8Array {
	// A Y.Doc with gc drops deleted content, which a plain mergeUpdates would keep:
	// that is what keeps stored bytes near the size of the encoded state.
	const doc = new Y.Doc({ gc: true });
	doc.transact(() => {
		for (const update of updates) Y.applyUpdate(doc, update);
	});
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}

/** Merges `updates` (snapshot first) into one encoded state, off the main thread when possible. */
export async function mergeOffThread(updates: Uint8Array[]): Promise<Uint8Array> {
	try {
		const reply = await ask(started(), { updates });
		if (reply?.state) return reply.state;
	} catch {
		// A worker that died mid-merge: do it here rather than lose the compaction.
	}
	return mergeHere(updates);
}

/**
 * Reads `docId`'s snapshot and its log up to seq `upTo` from the database file `file` on the
 * worker (its own connection) and merges them there. Resolves with the result (null: no log
 * to merge, or with `whole`, nothing stored), or `undefined` when the worker could not do it,
 * for the caller to read them here instead. `whole`: the snapshot alone counts as a result.
 */
export async function mergeStoredOffThread(file: string, docId: string, upTo: number, whole: boolean): Promise<Merged | null | undefined> {
	try {
		const reply = await ask(started(), { file, docId, upTo, whole });
		return reply?.merged;
	} catch {
		return undefined;
	}
}

/** Which entry `findStoredOffThread` looks for: the first Y.Map of the root array `array` whose `key` is `value`. */
export interface EntryQuery {
	array: string;
	key: string;
	value: string;
}

/**
 * The entry `query` names in `docId` as stored in the database file `file` (snapshot and whole
 * log), read and applied on the worker, as JSON; null when there is none. Applying a workspace of
 * thousands of messages takes hundreds of ms: on the relay's thread, every socket would wait.
 * `undefined` when the worker could not do it, for the caller to read it here instead.
 */
export async function findStoredOffThread(file: string, docId: string, query: EntryQuery): Promise<Record<string, unknown> | null | undefined> {
	try {
		const reply = await ask(started(), { file, docId, find: query });
		return reply?.found;
	} catch {
		return undefined;
	}
}

/** Stops the worker (tests, shutdown); a later merge starts a new one. */
export async function stopMergeWorker(): Promise<void> {
	const running = worker;
	worker = null;
	if (running) await running.terminate();
}
