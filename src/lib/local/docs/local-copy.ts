/**
 * A document's copy on this device, in IndexedDB, in y-indexeddb's on-disk
 * format: one database per document with an auto-increment `updates` store
 * (one row per edit, or a merged state) and a `custom` store. Copies written by
 * earlier versions open as they are, and export.ts may read them with y-indexeddb.
 *
 * Why not y-indexeddb itself: it merges rows only after a 1 s pause once 500
 * have piled up, so a session of continuous typing that ends with the tab
 * closed leaves thousands of rows, and opening 10,000 of them took ~120–290 ms
 * in Chromium against ~10 ms merged (bench/doc-open.ts). Here rows are merged
 * into one as soon as MERGE_AT_ROWS are stored, after loading, and when the
 * page is hidden; each merge is one transaction (read newer rows, add the
 * merged state, delete what it covers), so a crash mid-merge leaves the old
 * rows and loses no edit.
 */
import * as Y from 'yjs';
import { mergeAcks } from './acks';

export interface LocalCopy {
	/** Resolves once the stored content is applied to the doc (or could not be read). */
	readonly loaded: Promise<void>;
	/** Resolves once every edit made so far is written (and merges issued so far are done). */
	written(): Promise<void>;
	/** What the relay last acknowledged of this document (acks.ts), null if never. */
	acked(): Promise<Uint8Array | null>;
	/** Records an acknowledgement (kept as the union with the one stored). */
	setAcked(snapshot: Uint8Array): Promise<void>;
	close(): void;
}

/** The IndexedDB database name of a document (one database per initiative). */
export const localDbName = (docId: string): string => `kohero-doc-${docId}`;

const UPDATES = 'updates';
/** y-indexeddb's store for anything else; our acknowledgement lives there under ACKED. */
const CUSTOM = 'custom';
const ACKED = 'kohero:acked';
/** Merge once this many rows are stored (y-indexeddb's PREFERRED_TRIM_SIZE). */
const MERGE_AT_ROWS = 500;

/** Opens (or creates, in y-indexeddb's layout) the database of one document. */
function openDatabase(name: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(name);
		request.onupgradeneeded = () => {
			const db = request.result;
			if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true });
			if (!db.objectStoreNames.contains('custom')) db.createObjectStore('custom');
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
		request.onblocked = () => reject(new Error(`IndexedDB ${name} is blocked`));
	});
}

function result<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
	});
}

/**
 * The key of the last row in `range` (0 when none), from one step of a reverse key cursor: read
 * in the transaction that read the rows, it is theirs. Reading every key for it (getAllKeys)
 * cost ~50 ms on 10,000 rows in Chromium, a third of the first open (bench/doc-open.ts).
 */
function lastKeyOf(store: IDBObjectStore, range?: IDBKeyRange): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = store.openKeyCursor(range, 'prev');
		request.onsuccess = () => resolve((request.result?.primaryKey as number | undefined) ?? 0);
		request.onerror = () => reject(request.error);
	});
}

/**
 * Applies stored rows in one Yjs transaction (observers run once). One
 * Y.mergeUpdates of 10,000 rows was measured at ~1.7 s: far slower than this.
 */
function applyRows(doc: Y.Doc, rows: Uint8Array[], origin: unknown): void {
	if (rows.length === 0) return;
	doc.transact(() => {
		for (const row of rows) Y.applyUpdate(doc, row, origin);
	}, origin);
}

/** Loads `doc` from its database `name`, then stores each of its updates there. */
export function openLocalCopy(name: string, doc: Y.Doc): LocalCopy {
	/** Origin of the updates we apply from storage: they are not written back. */
	const origin = Symbol('local-copy');
	let db: IDBDatabase | null = null;
	let closed = false;
	/** Highest row key whose content is in `doc`. */
	let lastKey = 0;
	let rowCount = 0;
	/** Edits made before the database was open, written once it is. */
	let early: Uint8Array[] = [];
	/** The chain of writes and merges: each starts after the previous one was issued. */
	let work: Promise<void> = Promise.resolve();

	const enqueue = (task: (db: IDBDatabase) => Promise<void>) => {
		work = work.then(() => (db ? task(db) : undefined)).catch(report);
	};

	const write = (update: Uint8Array) =>
		enqueue(async (db) => {
			const tx = db.transaction(UPDATES, 'readwrite');
			tx.objectStore(UPDATES).add(update);
			rowCount++;
			await done(tx);
			// Merging as we go keeps the rows an open must read below ~MERGE_AT_ROWS,
			// even after a long session that ends without the page being hidden.
			if (rowCount >= MERGE_AT_ROWS) merge();
		});

	const onUpdate = (update: Uint8Array, updateOrigin: unknown) => {
		if (updateOrigin === origin) return;
		if (db) write(update);
		else early.push(update);
	};
	doc.on('update', onUpdate);

	/**
	 * Once `minRows` rows are stored, replaces them with one merged state, in one transaction. Rows another
	 * tab added since we last read are applied first, so nothing is dropped.
	 */
	const merge = (minRows = MERGE_AT_ROWS) =>
		enqueue(async (db) => {
			if (closed || rowCount < minRows) return;
			const tx = db.transaction(UPDATES, 'readwrite');
			const store = tx.objectStore(UPDATES);
			const range = IDBKeyRange.lowerBound(lastKey, true);
			const [newer, newest] = await Promise.all([result(store.getAll(range)) as Promise<Uint8Array[]>, lastKeyOf(store, range)]);
			applyRows(doc, newer, origin);
			if (newer.length > 0) lastKey = newest;
			const covered = lastKey;
			const key = (await result(store.add(Y.encodeStateAsUpdate(doc)))) as number;
			store.delete(IDBKeyRange.upperBound(covered));
			await done(tx);
			lastKey = key;
			rowCount = 1;
		});

	const loaded = (async () => {
		try {
			const opened = await openDatabase(name);
			const store = opened.transaction(UPDATES, 'readonly').objectStore(UPDATES);
			const [rows, newest] = await Promise.all([result(store.getAll()) as Promise<Uint8Array[]>, lastKeyOf(store)]);
			if (!closed) applyRows(doc, rows, origin);
			lastKey = newest;
			rowCount = rows.length;
			db = opened;
			for (const update of early.splice(0)) write(update);
		} catch (err) {
			report(err);
			return;
		}
		merge();
	})();

	const onVisibility = () => {
		if (document.visibilityState === 'hidden') merge(2); // the tab may be killed next
	};
	// Workers and tests have no document: only the merge on hide is skipped.
	const page = typeof document === 'undefined' ? null : document;
	page?.addEventListener('visibilitychange', onVisibility);

	const readAcked = async (db: IDBDatabase) =>
		((await result(db.transaction(CUSTOM, 'readonly').objectStore(CUSTOM).get(ACKED))) as Uint8Array | undefined) ?? null;

	return {
		loaded,
		written: () => loaded.then(() => work),
		acked: async () => {
			await loaded;
			return db ? readAcked(db) : null;
		},
		setAcked: async (snapshot) => {
			await loaded;
			let stored: Promise<void> = Promise.resolve();
			enqueue(async (db) => {
				stored = (async () => {
					const merged = mergeAcks(await readAcked(db), snapshot);
					const tx = db.transaction(CUSTOM, 'readwrite');
					tx.objectStore(CUSTOM).put(merged, ACKED);
					await done(tx);
				})();
				await stored;
			});
			await work;
			await stored;
		},
		close() {
			if (closed) return;
			closed = true;
			page?.removeEventListener('visibilitychange', onVisibility);
			doc.off('update', onUpdate);
			// Every edit already made is written before the database closes.
			void loaded.then(() => work).then(() => db?.close());
		}
	};
}

function report(err: unknown): void {
	console.error('kohero: local copy', err);
}
