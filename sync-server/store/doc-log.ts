/**
 * The SQLite DocStore: an append-only update log (doc_log, log-sql.ts) plus one
 * snapshot per document (doc_snapshots). Appends are group-committed, and the
 * appends of one commit share one promise (a busy relay does not pay a promise
 * per update). A quiet relay commits an update in the callback that read it, so
 * it is broadcast without waiting for another turn of the loop — to the update
 * journal when it has one (update-journal.ts: one write; SQLite takes the rows of
 * several such commits later, in one transaction: journal-stage.ts); once a commit
 * ran in a turn, the appends that follow wait for one group commit to SQLite at the
 * end of the turn (setImmediate), and they keep doing so while every turn brings more.
 */
import type Database from 'better-sqlite3';
import type { DocStore } from '$relay/hooks';
import { log } from '$lib/log';
import { EVERY_SEQ, compactDoc, compactionStatements, readState, type DocStats } from './compaction';
import { noStoreMetrics, type StoreMetrics } from './store-metrics';
import { snapshotSizer } from './snapshots';
import { LOG_SQL } from './log-sql';
import type { JournalRow, UpdateJournal } from './update-journal';
import { JournalStage, storeMissingRows } from './journal-stage';

export interface DocLogOptions {
	/** Compact once this many updates are in the log (and they weigh 1/8 of the snapshot)... */
	compactEvery: number;
	/** ...or once the log outweighs both the snapshot and this many bytes. */
	compactMinBytes: number;
	/**
	 * An append from this size on is committed in the next turn of the loop, with what
	 * comes meanwhile: reading and checking it already filled its own turn, and its
	 * commit is about as long (the relay's WHOLE_TURN_FRAME_BYTES). Default: never.
	 */
	commitInNextTurnFromBytes?: number;
	/**
	 * Where a quiet relay's commits go first (update-journal.ts); its rows missing from
	 * SQLite are stored when the store is created. None: every commit goes to SQLite.
	 */
	journal?: UpdateJournal;
	/** Whether commits go to the journal (default: yes, when there is one); it is read at start either way. */
	commitToJournal?: boolean;
}

interface PendingAppend {
	docId: string;
	update: Uint8Array;
	authorId: string | null;
}

/** One group commit: the appends of one turn and the promise they share. */
interface Commit {
	items: PendingAppend[];
	/** Committed in the callback that appended (a quiet relay): through the journal, if any. */
	quiet: boolean;
	done: Promise<void>;
	resolve: () => void;
	reject: (err: unknown) => void;
}

export interface SqliteDocStore extends DocStore {
	/** Merges the log of `docId` into its snapshot now (tests, maintenance). */
	compact(docId: string): Promise<void>;
	/**
	 * The document as stored once every update appended so far is committed (now), merged
	 * off the relay's thread; null when nothing is stored. Compactions wait meanwhile, and
	 * the ones queued before cover no later update: the state is exactly that of this moment.
	 */
	storedState(docId: string): Promise<Uint8Array | null>;
}

function openCommit(quiet: boolean): Commit {
	let resolve!: () => void;
	let reject!: (err: unknown) => void;
	const done = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
	// Every appender handles the rejection; this keeps an unobserved one from crashing the process.
	done.catch(() => undefined);
	return { items: [], quiet, done, resolve, reject };
}

/** A DocStore over the process' SQLite connection; `metrics` receives its gauges and counters. */
export function createSqliteDocStore(sqlite: Database.Database, options: DocLogOptions, metrics: StoreMetrics = noStoreMetrics): SqliteDocStore {
	const compaction = compactionStatements(sqlite);
	const commitInNextTurnFromBytes = options.commitInNextTurnFromBytes ?? Infinity;
	const selectTail = sqlite.prepare<[string], { docNo: number; seq: number | null }>(LOG_SQL.tail);
	const numberDoc = sqlite.prepare<[string], { docNo: number }>(LOG_SQL.number);
	const insert = sqlite.prepare(LOG_SQL.append);
	const snapshotSize = snapshotSizer(sqlite);
	const readAll = sqlite.transaction((docId: string) => {
		const snapshot = compaction.snapshot(docId);
		const log = compaction.log.all(docId, snapshot?.seq ?? 0, EVERY_SEQ);
		return { snapshot, log };
	});
	/** Inserts the rows (`stats[i]`: row i's document); returns each one's document number (cached in its stats once committed). */
	const insertRows = (rows: JournalRow[], stats: DocStats[]): number[] =>
		rows.map((row, i) => {
			const docNo = stats[i].docNo ?? numberDoc.get(row.docId)!.docNo;
			insert.run(docNo, row.seq, row.seq, row.update, row.authorId, row.createdAt);
			return docNo;
		});
	const insertInOneTransaction = sqlite.transaction(insertRows);
	/**
	 * Commits the rows to SQLite (throws if it refuses them: then none is stored). A lone row
	 * is committed by its own statement: SQLite makes one statement a transaction, and it skips
	 * a BEGIN and a COMMIT (~7 µs of 40–50 at the median, bench/tools/lone-commit.ts; bench/RESULTS.md
	 * turn 17). Several rows share one transaction: all or none.
	 */
	function storeRows(rows: JournalRow[]): void {
		// Read before the insert: once it is committed, nothing here may throw.
		const stats = rows.map((row) => statsOf(row.docId));
		const docNos = rows.length === 1 ? insertRows(rows, stats) : insertInOneTransaction(rows, stats);
		rows.forEach((row, i) => {
			stats[i].docNo = docNos[i];
			stats[i].logCount++;
			stats[i].logBytes += row.update.byteLength;
		});
		let last = '';
		for (const { docId } of rows) if (docId !== last) compactIfNeeded((last = docId));
	}

	/** Gives the appends their seqs, in order (if reading a document's stats fails, none is given). */
	function numbered(items: PendingAppend[]): JournalRow[] {
		const stats = items.map(({ docId }) => statsOf(docId));
		const createdAt = Date.now();
		return items.map(({ docId, update, authorId }, i) => ({ docId, seq: stats[i].nextSeq++, update, authorId, createdAt }));
	}

	/** The rows were not committed: their seqs (the last ones given) are free again. */
	function unnumber(rows: JournalRow[]): void {
		for (let i = rows.length - 1; i >= 0; i--) {
			const stats = docs.get(rows[i].docId);
			if (stats) stats.nextSeq = Math.min(stats.nextSeq, rows[i].seq);
		}
	}

	const staged = new JournalStage(options.commitToJournal === false ? null : (options.journal ?? null), storeRows);

	/** Commits what is pending and puts everything committed into SQLite, now (reads, release). */
	function storeAll(): void {
		commit();
		staged.storeNow();
	}

	/** Per loaded document: the next seq and how much the log weighs. */
	const docs = new Map<string, DocStats>();
	let pending: Commit | null = null;
	/**
	 * Set once a commit ran in this turn of the loop, cleared at the turn's end (check
	 * phase) unless a group commit ran there too: appends meanwhile are grouped.
	 */
	let grouping = false;
	let groupingEnds = false;

	function endGrouping(): void {
		groupingEnds = false;
		grouping = false;
	}

	/** Groups the appends that follow until the end of this turn of the loop (the next one's, if called at the end of a turn). */
	function groupUntilTurnEnds(): void {
		grouping = true;
		if (groupingEnds) return;
		groupingEnds = true;
		setImmediate(endGrouping);
	}

	function statsFromDb(docId: string): DocStats {
		const snapshot = snapshotSize(docId);
		const tail = selectTail.get(docId);
		const maxSeq = Math.max(tail?.seq ?? 0, snapshot?.seq ?? 0);
		return { docNo: tail?.docNo ?? null, nextSeq: maxSeq + 1, logCount: 0, logBytes: 0, snapshotBytes: snapshot?.bytes ?? 0 };
	}

	function statsOf(docId: string): DocStats {
		let stats = docs.get(docId);
		if (!stats) docs.set(docId, (stats = statsFromDb(docId)));
		return stats;
	}

	/**
	 * Stored bytes stay near the encoded state: the log is merged once it outweighs the
	 * snapshot (and compactMinBytes), so merging costs O(1) per appended byte, however big
	 * the document. Many small rows are merged too (they slow loading), unless the
	 * document is so big that re-merging it for them would cost more than they do.
	 */
	function needsCompaction(stats: DocStats): boolean {
		if (stats.logBytes > Math.max(stats.snapshotBytes, options.compactMinBytes)) return true;
		return stats.logCount >= options.compactEvery && stats.logBytes * 8 >= stats.snapshotBytes;
	}

	/** The last queued compaction per document: compactions of one doc never overlap. */
	const compactions = new Map<string, Promise<void>>();
	metrics.registerGauge('store_cached_docs', () => docs.size);
	metrics.registerGauge('store_running_compactions', () => compactions.size);

	/** Per document, the last seq of each state being read (storedState): no compaction covers more meanwhile. */
	const holds = new Map<string, number[]>();
	const coverableUpTo = (docId: string) => Math.min(EVERY_SEQ, ...(holds.get(docId) ?? []));

	function compact(docId: string): Promise<void> {
		return queue(docId, async () => {
			// Stats of a released doc are computed afresh, not cached again.
			const stats = docs.get(docId) ?? statsFromDb(docId);
			if (await compactDoc(compaction, docId, stats, coverableUpTo(docId))) metrics.countCompaction();
		});
	}

	async function storedState(docId: string): Promise<Uint8Array | null> {
		storeAll();
		const upTo = statsOf(docId).nextSeq - 1;
		// The entry is deleted only once empty: while this hold is in it, it stays the same array.
		const held = holds.get(docId) ?? [];
		holds.set(docId, held);
		held.push(upTo);
		try {
			return await queue(docId, () => readState(compaction, docId, upTo));
		} finally {
			held.splice(held.indexOf(upTo), 1);
			if (held.length === 0) holds.delete(docId);
		}
	}

	/** Runs `job` after every job queued for `docId` before it: a document's compactions never overlap. */
	function queue<T>(docId: string, job: () => Promise<T>): Promise<T> {
		const run = (compactions.get(docId) ?? Promise.resolve()).then(job);
		const tail = run.then(
			() => undefined,
			() => undefined
		).then(() => {
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
		const current = pending;
		pending = null;
		if (!current) return;
		groupUntilTurnEnds();
		let rows: JournalRow[] = [];
		try {
			rows = numbered(current.items);
			if (current.quiet && staged.open) staged.commit(rows);
			// SQLite's rows stay in seq order: the journal's go first, in the same transaction.
			else staged.storeNow(rows);
		} catch (err) {
			// Nothing of this batch was committed: none of its seqs is used.
			unnumber(rows);
			current.reject(err);
			return;
		}
		current.resolve();
	}

	if (options.journal) {
		const stored = storeMissingRows(options.journal, (docId) => statsOf(docId).nextSeq, storeRows);
		if (stored > 0) log.info('doc_log_journal_replayed', { rows: stored });
		// Only loaded documents keep stats: none is loaded yet.
		docs.clear();
	}

	return {
		async load(docId) {
			storeAll();
			const { snapshot, log } = readAll(docId);
			const stats = statsOf(docId);
			stats.logCount = log.length;
			stats.logBytes = log.reduce((sum, row) => sum + row.update.byteLength, 0);
			const updates = log.map((row) => new Uint8Array(row.update));
			return snapshot ? [new Uint8Array(snapshot.state), ...updates] : updates;
		},
		append(docId, update, authorId) {
			if (!pending) {
				const big = update.byteLength >= commitInNextTurnFromBytes;
				pending = openCommit(!big && !grouping);
				// Alone in its turn: committed once this callback (every frame of the socket
				// read) is done, before the loop moves on. Otherwise setImmediate runs after the
				// turn's other I/O callbacks: one commit for every frame read in the rest of it.
				if (big) setTimeout(commit, 0);
				else if (grouping) setImmediate(commit);
				else process.nextTick(commit);
			}
			pending.items.push({ docId, update, authorId });
			return pending.done;
		},
		async release(docId) {
			storeAll();
			const stats = docs.get(docId);
			if (stats && stats.logCount > 0) await compact(docId);
			docs.delete(docId);
		},
		async flush() {
			commit();
			staged.tryStoreNow();
		},
		compact,
		storedState
	};
}
