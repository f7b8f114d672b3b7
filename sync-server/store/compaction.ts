/**
 * Merges a document's update log into its snapshot. The snapshot records the
 * seq it covers and only rows up to that seq are deleted, so updates appended
 * while the merge runs stay in the log. The merge itself runs on a worker
 * thread (merge-worker.ts): the relay keeps answering while a big document compacts.
 */
import type Database from 'better-sqlite3';
import { mergeOffThread } from './merge-worker';

/** What the store tracks about a loaded document's log. */
export interface DocStats {
	nextSeq: number;
	logCount: number;
	logBytes: number;
	snapshotBytes: number;
}

/** The statements of a compaction, prepared once per store. */
export interface CompactionStatements {
	snapshot: Database.Statement<[string], { state: Buffer; seq: number }>;
	log: Database.Statement<[string, number], { seq: number; update: Buffer }>;
	write: (docId: string, state: Uint8Array, coveredSeq: number) => void;
}

/** Prepares the statements `compactDoc` runs. */
export function compactionStatements(sqlite: Database.Database): CompactionStatements {
	const upsert = sqlite.prepare(
		`INSERT INTO doc_snapshots (doc_id, state, seq, updated_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, seq = excluded.seq, updated_at = excluded.updated_at`
	);
	const prune = sqlite.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
	return {
		snapshot: sqlite.prepare('SELECT state, seq FROM doc_snapshots WHERE doc_id = ?'),
		log: sqlite.prepare('SELECT seq, "update" FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq'),
		write: sqlite.transaction((docId: string, state: Uint8Array, coveredSeq: number) => {
			upsert.run(docId, state, coveredSeq, Date.now());
			prune.run(docId, coveredSeq);
		})
	};
}

/** Compacts `docId`: reads here, merges on the worker, writes here. Returns whether it merged anything. */
export async function compactDoc(statements: CompactionStatements, docId: string, stats: DocStats): Promise<boolean> {
	const snapshot = statements.snapshot.get(docId);
	const rows = statements.log.all(docId, snapshot?.seq ?? 0);
	if (rows.length === 0) return false;
	const coveredSeq = rows[rows.length - 1].seq;
	const updates = rows.map((row) => row.update);
	const state = await mergeOffThread(snapshot ? [snapshot.state, ...updates] : updates);
	const mergedBytes = rows.reduce((sum, row) => sum + row.update.byteLength, 0);
	statements.write(docId, state, coveredSeq);
	stats.logCount = Math.max(0, stats.logCount - rows.length);
	stats.logBytes = Math.max(0, stats.logBytes - mergedBytes);
	stats.snapshotBytes = state.byteLength;
	return true;
}
