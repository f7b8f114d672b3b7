/**
 * Merges a document's update log into its snapshot. The snapshot records the
 * seq it covers and only rows up to that seq are deleted, so updates appended
 * while the merge runs stay in the log. It runs on a worker thread
 * (merge-worker.ts): the relay keeps answering while a big document compacts.
 */
import type Database from 'better-sqlite3';
import { mergeOffThread, mergeStoredOffThread } from './merge-worker';
import { COMPACTION_SQL, type Merged } from './merge-worker-thread';
import { snapshotReader, snapshotWriter, type StoredSnapshot } from './snapshots';

/** A bound above every seq: a read of the whole log. */
export const EVERY_SEQ = Number.MAX_SAFE_INTEGER;

/** What the store tracks about a loaded document's log. */
export interface DocStats {
	/** Its number in doc_numbers, null until its first append is committed. */
	docNo: number | null;
	nextSeq: number;
	logCount: number;
	logBytes: number;
	snapshotBytes: number;
}

/** The statements of a compaction, prepared once per store. */
export interface CompactionStatements {
	/** The database file, which the worker opens too (null for an in-memory database). */
	file: string | null;
	/** The snapshot, whole (read it inside a transaction with the log). */
	snapshot: (docId: string) => StoredSnapshot | undefined;
	/** Log rows after a seq, up to another (EVERY_SEQ: all). */
	log: Database.Statement<[string, number, number], { seq: number; update: Buffer }>;
	/** Stores the new snapshot and prunes the log it covers (a big one a part per turn: snapshots.ts). */
	write: (docId: string, state: Uint8Array, coveredSeq: number) => Promise<void>;
}

/** Prepares the statements `compactDoc` runs. */
export function compactionStatements(sqlite: Database.Database): CompactionStatements {
	return {
		file: sqlite.memory ? null : sqlite.name,
		snapshot: snapshotReader(sqlite),
		log: sqlite.prepare(COMPACTION_SQL.log),
		write: snapshotWriter(sqlite)
	};
}

/**
 * Compacts `docId`'s log up to seq `upTo`: read and merged on the worker for a database
 * file (else read here, merged there), written here. Returns whether it merged anything.
 */
export async function compactDoc(statements: CompactionStatements, docId: string, stats: DocStats, upTo = EVERY_SEQ): Promise<boolean> {
	const merged = await readMerged(statements, docId, upTo, false);
	if (merged === null) return false;
	await statements.write(docId, merged.state, merged.coveredSeq);
	stats.logCount = Math.max(0, stats.logCount - merged.rows);
	stats.logBytes = Math.max(0, stats.logBytes - merged.mergedBytes);
	stats.snapshotBytes = merged.state.byteLength;
	return true;
}

/** `docId`'s stored state up to seq `upTo` (its snapshot and log merged, off the relay's thread); null when nothing is stored. */
export async function readState(statements: CompactionStatements, docId: string, upTo: number): Promise<Uint8Array | null> {
	return (await readMerged(statements, docId, upTo, true))?.state ?? null;
}

/** Read and merged on the worker for a database file; else read here, merged there. `whole`: see mergeStoredOffThread. */
async function readMerged(statements: CompactionStatements, docId: string, upTo: number, whole: boolean): Promise<Merged | null> {
	const offThread = statements.file === null ? undefined : await mergeStoredOffThread(statements.file, docId, upTo, whole);
	if (offThread !== undefined) return offThread;
	const snapshot = statements.snapshot(docId);
	const rows = statements.log.all(docId, snapshot?.seq ?? 0, upTo);
	if (rows.length === 0 && !(whole && snapshot)) return null;
	const updates = rows.map((row) => row.update);
	const state = rows.length === 0 ? new Uint8Array(snapshot!.state) : await mergeOffThread(snapshot ? [snapshot.state, ...updates] : updates);
	return { state, coveredSeq: rows.at(-1)?.seq ?? snapshot!.seq, rows: rows.length, mergedBytes: updates.reduce((sum, u) => sum + u.byteLength, 0) };
}
