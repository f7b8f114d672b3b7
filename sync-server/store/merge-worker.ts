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
 * One lazily started worker for the process, running merge-worker-thread.ts'
 * source; it loads yjs and better-sqlite3 by absolute path (resolved here), so
 * the same code runs from build/server.js and under tsx. If the worker cannot
 * run, everything falls back to this thread.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { COMPACTION_SQL, MERGE_WORKER_SOURCE, type Merged } from './merge-worker-thread';

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
		worker = new Worker(MERGE_WORKER_SOURCE, {
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
