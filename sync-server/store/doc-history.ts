/**
 * The history that saves a wiped workspace (API.md "History"): at most one
 * snapshot per document per interval (a day by default), taken just before the
 * first change after the interval, so it holds the state that change is about
 * to alter; snapshots older than 30 days go. A watcher on loaded documents.
 * The state is the store's, as of that moment, merged on the store's worker
 * (doc-log.ts storedState): encoding a multi-MB document here held the relay's
 * loop for tens of ms at the first change of each day.
 */
import type Database from 'better-sqlite3';
import type { RelayHooks } from '$relay/hooks';
import { log } from '$lib/server/log';
import type { SqliteDocStore } from './doc-log';

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
	const insert = sqlite.prepare('INSERT OR REPLACE INTO doc_history (doc_id, taken_at, state, bytes) VALUES (?, ?, ?, ?)');
	const prune = sqlite.prepare('DELETE FROM doc_history WHERE doc_id = ? AND taken_at < ?');

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
				.then((state) => {
					if (state === null || state.byteLength <= 2) return;
					insert.run(docId, now, state, state.byteLength);
					prune.run(docId, now - options.keepMs);
				})
				.catch((err: unknown) => log.error('doc_history_failed', { docId, error: String(err) }));
		};
		doc.on('beforeTransaction', beforeChange);
		return () => doc.off('beforeTransaction', beforeChange);
	};
}
