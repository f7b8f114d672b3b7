/**
 * Reading and editing an initiative's workspace document for moderation. Reads
 * come from the relay's loaded document, or from what SQLite committed (snapshot +
 * log): every message a client can see was committed before it was sent. Edits go through the relay's committed
 * path (doc-editor), so they reach every client, late ones included.
 */
import * as Y from 'yjs';
import { store } from '$store/db';
import { snapshotReader } from '$store/snapshots';
import { findStoredOffThread } from '$store/merge-worker';
import { editDocument, readLoadedDocument } from '../doc-editor';
import { authoredOf, authoredQuery, findAuthored, removeAuthored, restoreAuthored, type Authored, type AuthoredKind } from '$lib/domain/workspace/removal';

/** The committed state of document `docId` (empty when it was never written), applied on this thread. */
function readStoredDoc(docId: string): Y.Doc {
	const { sqlite } = store();
	const read = sqlite.transaction(() => {
		const snapshot = snapshotReader(sqlite)(docId);
		const log = sqlite
			.prepare<[string, number], { update: Buffer }>('SELECT "update" FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq')
			.all(docId, snapshot?.seq ?? 0);
		return { snapshot, log };
	});
	const { snapshot, log } = read();
	const doc = new Y.Doc();
	doc.transact(() => {
		if (snapshot) Y.applyUpdate(doc, snapshot.state);
		for (const row of log) Y.applyUpdate(doc, row.update);
	});
	return doc;
}

/**
 * The message or idea `entryId` of an initiative, or null: from the document the relay
 * holds when it is loaded (a report usually comes from someone who has it open), else
 * from the stored one, read and applied on the merge worker: applying a stored workspace
 * of thousands of messages takes hundreds of ms, which on the thread the relay shares
 * every socket would wait out (bench/RESULTS.md, turn 10), once per made-up id reported.
 */
export async function readAuthoredEntry(initiativeId: string, kind: AuthoredKind, entryId: string): Promise<Authored | null> {
	const loaded = readLoadedDocument(initiativeId, (doc) => findAuthored(doc, kind, entryId));
	if (loaded) return loaded.value;
	const { sqlite } = store();
	const found = sqlite.memory ? undefined : await findStoredOffThread(sqlite.name, initiativeId, authoredQuery(kind, entryId));
	if (found !== undefined) return found && authoredOf(new Map(Object.entries(found)));
	// No worker to do it (or a database in memory, which a thread cannot share): here.
	const doc = readStoredDoc(initiativeId);
	try {
		return findAuthored(doc, kind, entryId);
	} finally {
		doc.destroy();
	}
}

/** Deletes the entry from the live document as the server; resolves once committed and sent. */
export async function removeEntry(initiativeId: string, kind: AuthoredKind, entryId: string): Promise<void> {
	await editDocument(initiativeId, 'initiative', (doc) => {
		removeAuthored(doc, kind, entryId);
	});
}

/** Puts a removed entry back as the server (a moderator restored it). */
export async function restoreEntry(
	initiativeId: string,
	kind: AuthoredKind,
	entry: { id: string; authorId: string; text: string; createdAt: number }
): Promise<void> {
	await editDocument(initiativeId, 'initiative', (doc) => {
		restoreAuthored(doc, kind, entry);
	});
}
