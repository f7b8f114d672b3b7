/**
 * WAL checkpoints off the relay's thread. SQLite checkpoints a WAL database from
 * inside the commit that crosses wal_autocheckpoint (1000 pages): that commit copies
 * the pages into the database file and fsyncs both, ~35 ms on this shared disk, every
 * ~2 s at 200 updates/s — the paced benchmark's p99 (bench/RELAY.md). Here the relay's
 * connection never checkpoints; a worker thread with its own connection runs a
 * PASSIVE checkpoint (it waits for no reader or writer, and none waits for it) every
 * `intervalMs`. If the worker cannot run, the connection checkpoints itself again.
 */
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { log } from '$lib/server/log';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
function checkpoint(id) {
	try {
		const [result] = db.pragma('wal_checkpoint(PASSIVE)');
		parentPort.postMessage({ id, checkpointed: result.checkpointed, log: result.log });
	} catch (err) {
		parentPort.postMessage({ id, error: String(err) });
	}
}
setInterval(() => checkpoint(null), workerData.intervalMs);
parentPort.on('message', (id) => checkpoint(id));
`;

/** What one checkpoint did: WAL frames copied into the database, frames in the WAL. */
export interface CheckpointResult {
	checkpointed: number;
	log: number;
}

export interface WalCheckpointer {
	/** Asks for a checkpoint now; resolves with its result. */
	now(): Promise<CheckpointResult>;
	/** Stops the worker; the connection checkpoints itself again. */
	stop(): Promise<void>;
}

const AUTOCHECKPOINT_PAGES = 1000;

/** Moves the checkpoints of `sqlite` (a WAL database on disk) to a worker thread. */
export function startWalCheckpointer(sqlite: Database.Database, intervalMs = 1000): WalCheckpointer | null {
	let worker: Worker;
	try {
		const driver = createRequire(import.meta.url).resolve('better-sqlite3');
		worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: sqlite.name, intervalMs } });
	} catch (err) {
		log.error('wal_checkpointer_failed', { error: String(err) });
		return null;
	}
	worker.unref();
	sqlite.pragma('wal_autocheckpoint = 0');
	const waiting = new Map<number, (result: CheckpointResult) => void>();
	let nextId = 0;
	let stopped = false;
	const fallBack = () => {
		if (stopped) return;
		stopped = true;
		if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
	};
	worker.on('message', ({ id, checkpointed, log: frames, error }: { id: number | null; checkpointed: number; log: number; error?: string }) => {
		if (error) log.warn('wal_checkpoint_failed', { error });
		const answer = id === null ? undefined : waiting.get(id);
		if (id !== null) waiting.delete(id);
		answer?.({ checkpointed: error ? 0 : checkpointed, log: error ? 0 : frames });
	});
	worker.on('error', (err) => {
		log.error('wal_checkpointer_failed', { error: String(err) });
		fallBack();
	});
	worker.on('exit', fallBack);
	return {
		now: () =>
			new Promise<CheckpointResult>((resolve) => {
				const id = nextId++;
				waiting.set(id, resolve);
				worker.postMessage(id);
			}),
		async stop() {
			fallBack();
			await worker.terminate();
		}
	};
}
