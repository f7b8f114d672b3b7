/**
 * Merges a document's snapshot and log into one encoded state on a worker
 * thread, so a multi-MB document compacting never blocks the relay's loop.
 * One lazily started worker for the process; it loads yjs by absolute path
 * (resolved here), so the same code runs from build/server.js and under tsx.
 * If the worker cannot run, the merge falls back to this thread.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
parentPort.on('message', ({ id, updates }) => {
	try {
		const doc = new Y.Doc({ gc: true });
		doc.transact(() => { for (const u of updates) Y.applyUpdate(doc, u); });
		const state = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		parentPort.postMessage({ id, state }, [state.buffer]);
	} catch (err) {
		parentPort.postMessage({ id, error: String(err) });
	}
});
`;

type Reply = { id: number; state?: Uint8Array; error?: string };

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const waiting = new Map<number, { resolve: (state: Uint8Array) => void; reject: (err: Error) => void }>();

function failAll(err: Error): void {
	for (const { reject } of waiting.values()) reject(err);
	waiting.clear();
}

function started(): Worker | null {
	if (worker || broken) return worker;
	try {
		const yjs = createRequire(import.meta.url).resolve('yjs');
		worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { yjs } });
	} catch {
		broken = true;
		return null;
	}
	worker.unref();
	worker.on('message', ({ id, state, error }: Reply) => {
		const job = waiting.get(id);
		waiting.delete(id);
		if (waiting.size === 0) worker?.unref();
		if (!job) return;
		if (state) job.resolve(state);
		else job.reject(new Error(error ?? 'merge failed'));
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
	const thread = started();
	if (!thread) return mergeHere(updates);
	const id = nextId++;
	try {
		return await new Promise<Uint8Array>((resolve, reject) => {
			waiting.set(id, { resolve, reject });
			// Referenced while a merge is awaited, so a caller waiting on it keeps the process up.
			thread.ref();
			thread.postMessage({ id, updates });
		});
	} catch {
		// A worker that died mid-merge: do it here rather than lose the compaction.
		return mergeHere(updates);
	}
}

/** Stops the worker (tests, shutdown); a later merge starts a new one. */
export async function stopMergeWorker(): Promise<void> {
	const running = worker;
	worker = null;
	if (running) await running.terminate();
}
