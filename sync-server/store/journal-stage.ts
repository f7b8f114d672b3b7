/**
 * The rows a quiet relay committed to the update journal (update-journal.ts) and
 * SQLite does not have yet: it takes them at the end of the turn, after the
 * broadcast their commit let through, or at once when someone reads the log.
 */
import { log } from '$lib/log';
import type { JournalRow, UpdateJournal } from './update-journal';

export class JournalStage {
	#journal: UpdateJournal | null;
	#rows: JournalRow[] = [];
	#scheduled = false;

	/** `store` commits rows to SQLite, all or none (it throws if SQLite refuses them). */
	constructor(
		journal: UpdateJournal | null,
		private readonly store: (rows: JournalRow[]) => void
	) {
		this.#journal = journal;
	}

	/** Whether commits may go through the journal: there is one, and it never failed. */
	get open(): boolean {
		return this.#journal !== null;
	}

	/** Commits `rows` to the journal; throws if it could not (then none is committed, and the journal is closed to commits). */
	commit(rows: JournalRow[]): void {
		try {
			this.#journal!.write(rows);
		} catch (err) {
			// A journal that failed once is not trusted again: SQLite takes the commits.
			this.#journal = null;
			throw err;
		}
		this.#rows.push(...rows);
		if (this.#scheduled) return;
		this.#scheduled = true;
		setImmediate(() => {
			this.#scheduled = false;
			this.tryStoreNow();
		});
	}

	/** Puts the staged rows into SQLite now; throws if it refuses them (they stay, for the next try). */
	storeNow(): void {
		if (this.#rows.length === 0) return;
		this.store(this.#rows);
		this.#rows = [];
		try {
			this.#journal?.trim();
		} catch (err) {
			// The journal grows on, and what it holds is stored: nothing to undo.
			log.warn('doc_log_journal_trim_failed', { error: String(err) });
		}
	}

	/** Puts the staged rows into SQLite now; a refusal is logged, not thrown. */
	tryStoreNow(): void {
		try {
			this.storeNow();
		} catch (err) {
			// Committed all the same: they are in the journal, stored at the next try or the next start.
			log.error('doc_log_store_failed', { rows: this.#rows.length, error: String(err) });
		}
	}
}

/**
 * At start: stores the journal's rows SQLite lacks (committed by a process that stopped
 * before SQLite had them), then empties the journal. A row is missing when its seq is
 * past the document's last stored one (`nextSeqOf`): SQLite takes a document's rows in
 * seq order, and merges into the snapshot only rows it has. Returns how many it stored.
 */
export function storeMissingRows(journal: UpdateJournal, nextSeqOf: (docId: string) => number, store: (rows: JournalRow[]) => void): number {
	const missing = journal.rows().filter((row) => row.seq >= nextSeqOf(row.docId));
	if (missing.length > 0) store(missing);
	journal.trim(true);
	return missing.length;
}
