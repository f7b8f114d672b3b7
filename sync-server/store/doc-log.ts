/**
 * The SQLite DocStore: an append-only update log (doc_updates) plus one
 * snapshot per document (doc_snapshots). Appends are group-committed: every
 * update arriving in the same turn of the event loop shares one transaction.
 */
import type Database from 'better-sqlite3';
import type { DocStore } from '$relay/hooks';
import { log } from '$lib/server/log';
import { compactDoc, type DocStats } from './compaction';
import { registerGauge } from '$relay/metrics';

export interface DocLogOptions {
	/** Compact once this many updates are in the log. */
	compactEvery: number;
	/** ...or once the log outweighs the snapshot and this many bytes. */
	compactMinBytes: number;
}

interface PendingAppend {
	docId: string;
	update: Uint8Array;
	authorId: string | null;
	resolve: () => void;
	reject: (err: unknown) => void;
}

export interface SqliteDocStore extends DocStore {
	/** Merges the log of `docId` into its snapshot now (tests, maintenance). */
	compact(docId: string): Promise<void>;
}

/** A DocStore over the process' SQLite connection. */
export function createSqliteDocStore(sqlite: Database.Database, options: DocLogOptions): SqliteDocStore {
	const selectSnapshot = sqlite.prepare<[string], { state: Buffer; seq: number }>(
		'SELECT state, seq FROM doc_snapshots WHERE doc_id = ?'
	);
	const selectLog = sqlite.prepare<[string, number], { seq: number; update: Buffer }>(
		'SELECT seq, "update" FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq'
	);
	const selectMaxSeq = sqlite.prepare<[string], { seq: number | null }>(
		'SELECT max(seq) AS seq FROM doc_updates WHERE doc_id = ?'
	);
	const insert = sqlite.prepare(
		'INSERT INTO doc_updates (doc_id, seq, "update", author_id, created_at) VALUES (?, ?, ?, ?, ?)'
	);
	const readAll = sqlite.transaction((docId: string) => {
		const snapshot = selectSnapshot.get(docId);
		const log = selectLog.all(docId, snapshot?.seq ?? 0);
		return { snapshot, log };
	});
	const writeBatch = sqlite.transaction((batch: PendingAppend[]) => {
		const now = Date.now();
		for (const item of batch) {
			const stats = statsOf(item.docId);
			insert.run(item.docId, stats.nextSeq++, item.update, item.authorId, now);
			stats.logCount++;
			stats.logBytes += item.update.byteLength;
		}
	});

	/** Per loaded document: the next seq and how much the log weighs. */
	const docs = new Map<string, DocStats>();
	let queue: PendingAppend[] = [];
	let scheduled = false;

	function statsFromDb(docId: string): DocStats {
		const snapshot = selectSnapshot.get(docId);
		const maxSeq = Math.max(selectMaxSeq.get(docId)?.seq ?? 0, snapshot?.seq ?? 0);
		return { nextSeq: maxSeq + 1, logCount: 0, logBytes: 0, snapshotBytes: snapshot?.state.byteLength ?? 0 };
	}

	function statsOf(docId: string): DocStats {
		let stats = docs.get(docId);
		if (!stats) docs.set(docId, (stats = statsFromDb(docId)));
		return stats;
	}

	function needsCompaction(stats: DocStats): boolean {
		return (
			stats.logCount >= options.compactEvery ||
			stats.logBytes > Math.max(stats.snapshotBytes, options.compactMinBytes)
		);
	}

	/** The last queued compaction per document: compactions of one doc never overlap. */
	const compactions = new Map<string, Promise<void>>();
	registerGauge('store_cached_docs', () => docs.size);
	registerGauge('store_running_compactions', () => compactions.size);

	function compact(docId: string): Promise<void> {
		const run = (compactions.get(docId) ?? Promise.resolve()).then(() =>
			// Stats of a released doc are computed afresh, not cached again.
			compactDoc(sqlite, docId, docs.get(docId) ?? statsFromDb(docId))
		);
		const tail = run.catch(() => undefined).then(() => {
			if (compactions.get(docId) !== tail) return;
			compactions.delete(docId);
			// Appends that arrived during the merge may have crossed the threshold again.
			compactIfNeeded(docId);
		});
		compactions.set(docId, tail);
		return run;
	}

	function compactIfNeeded(docId: string): void {
		const stats = docs.get(docId);
		if (!stats || compactions.has(docId) || !needsCompaction(stats)) return;
		compact(docId).catch((err: unknown) => log.error('doc_compaction_failed', { docId, error: String(err) }));
	}

	function commit(): void {
		scheduled = false;
		const batch = queue;
		queue = [];
		if (batch.length === 0) return;
		try {
			writeBatch(batch);
		} catch (err) {
			// The transaction rolled back: no seq of this batch is used.
			for (const item of batch) docs.delete(item.docId);
			for (const item of batch) item.reject(err);
			return;
		}
		for (const item of batch) item.resolve();
		for (const docId of new Set(batch.map((item) => item.docId))) compactIfNeeded(docId);
	}

	return {
		async load(docId) {
			const { snapshot, log } = readAll(docId);
			const stats = statsOf(docId);
			stats.logCount = log.length;
			stats.logBytes = log.reduce((sum, row) => sum + row.update.byteLength, 0);
			const updates = log.map((row) => new Uint8Array(row.update));
			return snapshot ? [new Uint8Array(snapshot.state), ...updates] : updates;
		},
		append(docId, update, authorId) {
			return new Promise<void>((resolve, reject) => {
				queue.push({ docId, update, authorId, resolve, reject });
				if (!scheduled) {
					scheduled = true;
					// setImmediate runs after pending I/O callbacks: one commit for every
					// frame read in this turn of the loop.
					setImmediate(commit);
				}
			});
		},
		async release(docId) {
			commit();
			const stats = docs.get(docId);
			if (stats && stats.logCount > 0) await compact(docId);
			docs.delete(docId);
		},
		async flush() {
			commit();
		},
		compact
	};
}
