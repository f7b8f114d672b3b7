/**
 * Document snapshots (doc_snapshots), written in parts when they are big (parts.ts):
 * a 3.6 MB snapshot written in one transaction held the relay's loop for 30–40
 * ms. A snapshot over PART_BYTES is written a part per turn of the loop, each part
 * its own commit in doc_snapshot_parts under the seq the snapshot covers; then one
 * small transaction points doc_snapshots at them (`parts`), prunes the log it
 * covers and drops the parts of the snapshot it replaces. Until that transaction
 * readers see the old snapshot, whole. Parts left by a crash before it are never
 * read (readers take the parts of the row's seq, below its count) and the next
 * compaction's final transaction drops them.
 */
import type Database from 'better-sqlite3';
import { PART_BYTES, joinParts, writeInParts } from './parts';
import { LOG_SQL } from './log-sql';

/** The SQL of snapshots, one source for the relay's thread and the merge worker (workerData). */
export const SNAPSHOT_SQL = {
	row: 'SELECT state, seq, parts FROM doc_snapshots WHERE doc_id = ?',
	parts: 'SELECT bytes FROM doc_snapshot_parts WHERE doc_id = ? AND seq = ? AND part < ? ORDER BY part',
	/** Bytes of the snapshot, from the rows' headers (length() reads no blob). */
	bytes: `SELECT s.seq, length(s.state) + coalesce((SELECT sum(length(p.bytes)) FROM doc_snapshot_parts p
		 WHERE p.doc_id = s.doc_id AND p.seq = s.seq AND p.part < s.parts), 0) AS bytes FROM doc_snapshots s WHERE s.doc_id = ?`,
	upsert: `INSERT INTO doc_snapshots (doc_id, state, seq, parts, updated_at) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, seq = excluded.seq, parts = excluded.parts, updated_at = excluded.updated_at`,
	writePart: 'INSERT OR REPLACE INTO doc_snapshot_parts (doc_id, seq, part, bytes) VALUES (?, ?, ?, ?)',
	/** Every part but those of the snapshot now stored (`seq`, `parts`). */
	dropParts: 'DELETE FROM doc_snapshot_parts WHERE doc_id = ? AND (seq <> ? OR part >= ?)',
	prune: LOG_SQL.prune
} as const;

/** A snapshot as stored: its state, whole, and the last seq it covers. */
export interface StoredSnapshot {
	state: Uint8Array;
	seq: number;
}

interface SnapshotRow {
	state: Buffer;
	seq: number;
	parts: number;
}

/** Reads `docId`'s snapshot whole, or undefined. Call it inside a read transaction: the row and its parts are two reads. */
export function snapshotReader(sqlite: Database.Database): (docId: string) => StoredSnapshot | undefined {
	const row = sqlite.prepare<[string], SnapshotRow>(SNAPSHOT_SQL.row);
	const parts = sqlite.prepare<[string, number, number], { bytes: Buffer }>(SNAPSHOT_SQL.parts);
	return (docId) => {
		const found = row.get(docId);
		if (!found) return undefined;
		if (found.parts === 0) return { state: found.state, seq: found.seq };
		return { state: joinParts(parts.all(docId, found.seq, found.parts)), seq: found.seq };
	};
}

/** `docId`'s snapshot size and seq, without reading it. */
export function snapshotSizer(sqlite: Database.Database): (docId: string) => { seq: number; bytes: number } | undefined {
	const bytes = sqlite.prepare<[string], { seq: number; bytes: number }>(SNAPSHOT_SQL.bytes);
	return (docId) => bytes.get(docId);
}

/**
 * Stores `state` as `docId`'s snapshot covering the log up to `coveredSeq`, and prunes
 * that log: at once for a small state, else a part per turn, then the swap (see above).
 */
export function snapshotWriter(sqlite: Database.Database): (docId: string, state: Uint8Array, coveredSeq: number) => Promise<void> {
	const upsert = sqlite.prepare(SNAPSHOT_SQL.upsert);
	const writePart = sqlite.prepare(SNAPSHOT_SQL.writePart);
	const dropParts = sqlite.prepare(SNAPSHOT_SQL.dropParts);
	const prune = sqlite.prepare(SNAPSHOT_SQL.prune);
	const swap = sqlite.transaction((docId: string, state: Uint8Array, coveredSeq: number, parts: number) => {
		upsert.run(docId, state, coveredSeq, parts, Date.now());
		dropParts.run(docId, coveredSeq, parts);
		prune.run(docId, coveredSeq);
	});
	const empty = new Uint8Array(0);
	return async (docId, state, coveredSeq) => {
		if (state.byteLength <= PART_BYTES) return swap(docId, state, coveredSeq, 0);
		const parts = await writeInParts(state, (part, bytes) => writePart.run(docId, coveredSeq, part, bytes));
		swap(docId, empty, coveredSeq, parts);
	};
}
