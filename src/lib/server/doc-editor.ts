/**
 * Server-side edits of collaborative documents (moderation removals, history
 * restores), applied by the relay through the same path as any writer's update:
 * committed to SQLite, then sent to every open socket, and to late clients by sync.
 * The relay registers itself here at start; routes and lib/server call `editDocument`.
 * Lives on globalThis: the routes and the relay are bundled separately but run in one process.
 */
import type * as Y from 'yjs';
import type { DocKind } from '$lib/domain/sync-contract';

export type { DocKind };
export type DocEditor = (docId: string, docKind: DocKind, edit: (doc: Y.Doc) => void) => Promise<void>;

const KEY = Symbol.for('kohero.docEditor');
type Holder = { [KEY]?: DocEditor };

/** Called once by the relay's host (sync-server/upgrade.ts). */
export function registerDocEditor(editor: DocEditor | null): void {
	const holder = globalThis as Holder;
	if (editor) holder[KEY] = editor;
	else delete holder[KEY];
}

/** Edits `docId` as the server; resolves once the edit is committed and sent. */
export async function editDocument(docId: string, docKind: DocKind, edit: (doc: Y.Doc) => void): Promise<void> {
	const editor = (globalThis as Holder)[KEY];
	if (!editor) throw new Error('the relay is not running in this process');
	await editor(docId, docKind, edit);
}
