/**
 * A document's copy on this device, in IndexedDB through y-indexeddb.
 *
 * y-indexeddb appends one row per edit and merges rows only after a 1 s pause
 * once 500 have piled up; a session of continuous typing that ends with the
 * tab closed leaves thousands of rows, and opening 10,000 unmerged rows takes
 * ~300 ms in Chromium against ~10 ms merged (bench/doc-open.ts). So we also
 * merge right after loading and whenever the page is hidden.
 */
import type * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';

export interface LocalCopy {
	/** Resolves once the stored content is applied to the doc. */
	readonly loaded: Promise<void>;
	close(): void;
}

/** The IndexedDB database name of a document (one database per initiative). */
export const localDbName = (docId: string): string => `kohero-doc-${docId}`;

export function openLocalCopy(name: string, doc: Y.Doc): LocalCopy {
	const persistence = new IndexeddbPersistence(name, doc);
	let closed = false;
	const merge = () => {
		// forceStore=false: merges only when 500 rows or more are waiting.
		if (!closed && persistence.db) storeState(persistence, false).catch(report);
	};
	const onVisibility = () => {
		if (document.visibilityState === 'hidden') merge();
	};
	document.addEventListener('visibilitychange', onVisibility);
	const loaded = persistence.whenSynced.then(() => merge());
	return {
		loaded,
		close() {
			if (closed) return;
			closed = true;
			document.removeEventListener('visibilitychange', onVisibility);
			// IndexedDB's close waits for the pending write transactions to finish.
			persistence.destroy().catch(report);
		}
	};
}

function report(err: unknown): void {
	console.error('kohero: local copy', err);
}
