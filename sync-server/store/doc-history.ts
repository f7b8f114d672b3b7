/**
 * The history that saves a wiped workspace (API.md "History"): at most one
 * snapshot per document per interval (a day by default), taken just before the
 * first change after the interval, so it holds the state that change is about
 * to alter; snapshots older than 30 days go. A watcher on loaded documents.
 * The state is the store's, as of that moment, merged on the store's worker
 * (doc-log.ts storedState): encoding a multi-MB document here held the relay's
 * loop for tens of ms at the first change of each day. A state over PART_BYTES is
 * written a part per turn (parts.ts) into doc_history_parts, then its row, whole,
 * in one small transaction with the day's pruning: until then the snapshot is not
 * listed; parts a crash left without their row are never read and go with the
 * pruning once older than `keepMs`.
 */
import type Database from 'better-sqlite3';
import type { RelayHooks } from '$relay/hooks';
import { log } from '$lib/server/log';
import type { SqliteDocStore } from './doc-log';
import { PART_BYTES, joinParts, writeInParts } from './parts';

export interface HistoryOptions {
	/** Least time between two snapshots of one document (KOHERO_HISTORY_INTERVAL_MS, default 24 h). */
	intervalMs: number;
	/** How long a snapshot is kept (30 days). */
	keepMs: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A document watcher that keeps the history of initiative workspaces in `doc_history`. */
export function createHistoryWatcher(
	sqlite: Database.Database,
	store: Pick<SqliteDocStore, 'storedState'>,
	options: HistoryOptions
): NonNullable<RelayHooks['watch']> {
	const lastTaken = sqlite.prepare<[string], { at: number | null }>('SELECT max(taken_at) AS at FROM doc_history WHERE doc_id = ?');
	const insert = sqlite.prepare('INSERT OR REPLACE INTO doc_history (doc_id, taken_at, state, bytes, parts) VALUES (?, ?, ?, ?, ?)');
	const writePart = sqlite.prepare('INSERT OR REPLACE INTO doc_history_parts (doc_id, taken_at, part, bytes) VALUES (?, ?, ?, ?)');
	const prune = sqlite.prepare('DELETE FROM doc_history WHERE doc_id = ? AND taken_at < ?');
	const pruneParts = sqlite.prepare('DELETE FROM doc_history_parts WHERE doc_id = ? AND taken_at < ?');
	const keep = sqlite.transaction((docId: string, takenAt: number, state: Uint8Array, bytes: number, parts: number) => {
		insert.run(docId, takenAt, state, bytes, parts);
		prune.run(docId, takenAt - options.keepMs);
		pruneParts.run(docId, takenAt - options.keepMs);
	});
	const empty = new Uint8Array(0);

	async function save(docId: string, takenAt: number, state: Uint8Array): Promise<void> {
		if (state.byteLength <= PART_BYTES) return keep(docId, takenAt, state, state.byteLength, 0);
		const parts = await writeInParts(state, (part, bytes) => writePart.run(docId, takenAt, part, bytes));
		keep(docId, takenAt, empty, state.byteLength, parts);
	}

	return (docId, docKind, doc) => {
		if (docKind !== 'initiative') return () => undefined;
		let last = lastTaken.get(docId)?.at ?? 0;
		const beforeChange = () => {
			const now = Date.now();
			// An empty document has nothing to save.
			if (now - last < options.intervalMs || doc.store.clients.size === 0) return;
			last = now;
			store
				.storedState(docId)
				.then((state) => (state === null || state.byteLength <= 2 ? undefined : save(docId, now, state)))
				.catch((err: unknown) => log.error('doc_history_failed', { docId, error: String(err) }));
		};
		doc.on('beforeTransaction', beforeChange);
		return () => doc.off('beforeTransaction', beforeChange);
	};
}

/** Reads a history snapshot's state back, whole (its row, and its parts if any), or undefined. */
export function historyReader(sqlite: Database.Database): (docId: string, takenAt: number) => Uint8Array | undefined {
	const row = sqlite.prepare<[string, number], { state: Buffer; parts: number }>('SELECT state, parts FROM doc_history WHERE doc_id = ? AND taken_at = ?');
	const parts = sqlite.prepare<[string, number, number], { bytes: Buffer }>(
		'SELECT bytes FROM doc_history_parts WHERE doc_id = ? AND taken_at = ? AND part < ? ORDER BY part'
	);
	// The row and its parts are two reads: one transaction, so a pruning cannot come between them.
	return sqlite.transaction((docId: string, takenAt: number) => {
		const found = row.get(docId, takenAt);
		if (!found) return undefined;
		return found.parts === 0 ? found.state : joinParts(parts.all(docId, takenAt, found.parts));
	});
}
