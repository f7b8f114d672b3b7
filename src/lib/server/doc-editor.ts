/**
 * Server-side access to collaborative documents (moderation removals, history
 * restores): edits applied by the relay through the same path as any writer's update
 * (committed to SQLite, then sent to every open socket, and to late clients by sync),
 * and reads of a document the relay holds in memory.
 * The relay registers itself here at start; routes and lib/server call these functions.
 * Lives on globalThis: the routes and the relay are bundled separately but run in one process.
 */
import type * as Y from 'yjs';
import type { DocKind } from '$lib/domain/sync-contract';

export type { DocKind };

/** What the relay lends the rest of the process. */
export interface DocAccess {
	edit(docId: string, docKind: DocKind, edit: (doc: Y.Doc) => void): Promise<void>;
	/** `read` on the document as it is in memory now, or null when it is not loaded. */
	readLoaded<T>(docId: string, read: (doc: Y.Doc) => T): { value: T } | null;
}

const KEY = Symbol.for('kohero.docAccess');
type Holder = { [KEY]?: DocAccess };

/** Called once by the relay's host (sync-server/upgrade.ts), and with null when it stops. */
export function registerDocAccess(access: DocAccess | null): void {
	const holder = globalThis as Holder;
	if (access) holder[KEY] = access;
	else delete holder[KEY];
}

/** Edits `docId` as the server; resolves once the edit is committed and sent. */
export async function editDocument(docId: string, docKind: DocKind, edit: (doc: Y.Doc) => void): Promise<void> {
	const access = (globalThis as Holder)[KEY];
	if (!access) throw new Error('the relay is not running in this process');
	await access.edit(docId, docKind, edit);
}

/**
 * `read` on `docId` as the relay holds it in memory (every update it sent anyone is in
 * it), without reading or applying the stored document; null when it is not loaded.
 */
export function readLoadedDocument<T>(docId: string, read: (doc: Y.Doc) => T): { value: T } | null {
	return (globalThis as Holder)[KEY]?.readLoaded(docId, read) ?? null;
}
