/**
 * Merges a document's update log into its snapshot. The snapshot records the
 * seq it covers and only rows up to that seq are deleted, so updates appended
 * while the merge runs stay in the log.
 */
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { metrics } from '$relay/metrics';

/** What the store tracks about a loaded document's log. */
export interface DocStats {
	nextSeq: number;
	logCount: number;
	logBytes: number;
	snapshotBytes: number;
}

/** Compacts `docId`; yields to the event loop between reading, merging and writing. */
export async function compactDoc(sqlite: Database.Database, docId: string, stats: DocStats): Promise<void> {
	const snapshot = sqlite
		.prepare<[string], { state: Buffer; seq: number }>('SELECT state, seq FROM doc_snapshots WHERE doc_id = ?')
		.get(docId);
	const rows = sqlite
		.prepare<[string, number], { seq: number; update: Buffer }>(
			'SELECT seq, "update" FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq'
		)
		.all(docId, snapshot?.seq ?? 0);
	if (rows.length === 0) return;
	const coveredSeq = rows[rows.length - 1].seq;
	await yieldToLoop();

	// A Y.Doc with gc drops deleted content, which a plain mergeUpdates would keep:
	// that is what keeps stored bytes near the size of the encoded state.
	const doc = new Y.Doc({ gc: true });
	doc.transact(() => {
		if (snapshot) Y.applyUpdate(doc, snapshot.state);
		for (const row of rows) Y.applyUpdate(doc, row.update);
	});
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	await yieldToLoop();

	const mergedBytes = rows.reduce((sum, row) => sum + row.update.byteLength, 0);
	sqlite.transaction(() => {
		sqlite
			.prepare(
				`INSERT INTO doc_snapshots (doc_id, state, seq, updated_at) VALUES (?, ?, ?, ?)
				 ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, seq = excluded.seq, updated_at = excluded.updated_at`
			)
			.run(docId, state, coveredSeq, Date.now());
		sqlite.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?').run(docId, coveredSeq);
	})();
	stats.logCount = Math.max(0, stats.logCount - rows.length);
	stats.logBytes = Math.max(0, stats.logBytes - mergedBytes);
	stats.snapshotBytes = state.byteLength;
	metrics.compactions++;
}

function yieldToLoop(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}
