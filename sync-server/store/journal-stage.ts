/**
 * The rows a quiet relay committed to the update journal (update-journal.ts) and
 * SQLite does not have yet. SQLite takes them in one transaction a while after the
 * first of them (`storeAfterMs`), at the end of the turn once there are many
 * (`storeFromRows`, `storeFromBytes`), or at once when someone reads the log: a paced relay pays
 * one SQLite commit per batch of edits, not one per edit.
 */
import { log } from '$lib/log';
import type { JournalRow, UpdateJournal } from './update-journal';

export interface StageLimits {
	/** How long the first staged row waits for SQLite (the rows staged meanwhile go with it). */
	storeAfterMs: number;
	/** From this many staged rows, SQLite takes them at the end of the turn... */
	storeFromRows: number;
	/** ...or from this many bytes of updates: what waits in memory stays small, whoever writes. */
	storeFromBytes: number;
}

/** At 200 quiet edits per second (bench/relay.ts's paced phases) a transaction takes ~50 rows; a quiet initiative's edit is stored alone. */
export const STAGE_LIMITS: StageLimits = { storeAfterMs: 250, storeFromRows: 256, storeFromBytes: 1024 * 1024 };

export class JournalStage {
	#journal: UpdateJournal | null;
	#rows: JournalRow[] = [];
	#bytes = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#soon: ReturnType<typeof setImmediate> | null = null;

	/** `store` commits rows to SQLite, all or none (it throws if SQLite refuses them). */
	constructor(
		journal: UpdateJournal | null,
		private readonly store: (rows: JournalRow[]) => void,
		private readonly limits: StageLimits = STAGE_LIMITS
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
		for (const row of rows) this.#bytes += row.update.byteLength;
		if (this.#rows.length >= this.limits.storeFromRows || this.#bytes >= this.limits.storeFromBytes) this.#soon ??= setImmediate(() => this.tryStoreNow());
		else if (!this.#timer) {
			this.#timer = setTimeout(() => this.tryStoreNow(), this.limits.storeAfterMs);
			// A process that exits meanwhile loses nothing: the next start stores the journal's rows.
			this.#timer.unref();
		}
	}

	/**
	 * Puts the staged rows into SQLite now, with `more` after them in the same transaction
	 * (rows committed straight to SQLite: they keep seq order); throws if it refuses them
	 * (then none is stored: the staged rows stay, for the next try or a read).
	 */
	storeNow(more: JournalRow[] = []): void {
		this.#cancelTimers();
		const rows = this.#rows.length === 0 ? more : [...this.#rows, ...more];
		if (rows.length === 0) return;
		this.store(rows);
		this.#rows = [];
		this.#bytes = 0;
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

	#cancelTimers(): void {
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#soon) clearImmediate(this.#soon);
		this.#timer = null;
		this.#soon = null;
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
