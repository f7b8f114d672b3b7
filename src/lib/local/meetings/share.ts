/**
 * Device to device with no internet: exports a meeting's document and its
 * initiative's workspace from this device's copies into a share file, and
 * merges a received one into the local copies (they sync when back online;
 * the relay still refuses anything from a non-member).
 */
import * as Y from 'yjs';
import { decodeShareFile, encodeShareFile, SHARE_EXTENSION, type SharedDoc, type ShareFile } from '$lib/domain/meetings/share-file';
import type { Meeting } from '$lib/domain/meetings/types';
import { localDbName, openLocalCopy } from '../docs/local-copy';
import { RUNTIME_CACHES } from '../../../service-worker/routes';

async function hasLocalCopy(docId: string): Promise<boolean> {
	if (!('databases' in indexedDB)) return true;
	return (await indexedDB.databases()).some((info) => info.name === localDbName(docId));
}

/** The state of `docId` on this device: the live doc when open here, else its stored copy. */
async function stateOf(docId: string, live: Map<string, Y.Doc>): Promise<Uint8Array | null> {
	const open = live.get(docId);
	if (open) return Y.encodeStateAsUpdate(open);
	if (!(await hasLocalCopy(docId))) return null;
	const doc = new Y.Doc();
	const copy = openLocalCopy(localDbName(docId), doc);
	try {
		await copy.loaded;
		return Y.encodeStateAsUpdate(doc);
	} finally {
		copy.close();
		doc.destroy();
	}
}

/** The share file of `meeting` (its document, plus its initiative's workspace when this device has it). */
export async function buildMeetingShare(meeting: Meeting, live: Map<string, Y.Doc>): Promise<File> {
	const docs: SharedDoc[] = [];
	const own = await stateOf(meeting.id, live);
	docs.push({ docId: meeting.id, kind: 'meeting', update: own ?? Y.encodeStateAsUpdate(new Y.Doc()) });
	const workspace = await stateOf(meeting.initiativeId, live);
	if (workspace) docs.push({ docId: meeting.initiativeId, kind: 'initiative', update: workspace });
	const bytes = encodeShareFile({ meeting, docs });
	const slug = meeting.title.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'reunion';
	return new File([bytes as BlobPart], `${slug}${SHARE_EXTENSION}`, { type: 'application/octet-stream' });
}

/** Shares through the Web Share API with files where available; false when the caller should download instead. */
export async function shareFile(file: File, title: string): Promise<boolean> {
	if (typeof navigator.canShare !== 'function' || !navigator.canShare({ files: [file] })) return false;
	try {
		await navigator.share({ files: [file], title });
		return true;
	} catch (err) {
		// The person closed the sheet: nothing more to do. Anything else: fall back to a download.
		return err instanceof DOMException && err.name === 'AbortError';
	}
}

async function mergeIntoCopy(shared: SharedDoc, live: Map<string, Y.Doc>): Promise<void> {
	const open = live.get(shared.docId);
	if (open) {
		// The open document writes it to its own copy and sends it to the relay.
		Y.applyUpdate(open, shared.update, 'import');
		return;
	}
	const doc = new Y.Doc();
	const copy = openLocalCopy(localDbName(shared.docId), doc);
	try {
		await copy.loaded;
		Y.applyUpdate(doc, shared.update, 'import');
		await copy.written();
	} finally {
		copy.close();
		doc.destroy();
	}
}

/** Keeps the meeting as last seen by the sender, so its page opens here offline (network-first reads fall back to it). */
async function rememberMeeting(meeting: Meeting): Promise<void> {
	if (typeof caches === 'undefined') return;
	const cache = await caches.open(RUNTIME_CACHES.api);
	const path = `/api/meetings/${encodeURIComponent(meeting.id)}`;
	if (await cache.match(path)) return;
	await cache.put(path, new Response(JSON.stringify({ meeting: { ...meeting, inviteUrl: undefined } }), { headers: { 'content-type': 'application/json' } }));
}

/** Merges a received share file into this device's copies; null when the file is not one. */
export async function importMeetingShare(file: Blob, live: Map<string, Y.Doc> = new Map()): Promise<ShareFile | null> {
	const share = decodeShareFile(new Uint8Array(await file.arrayBuffer()));
	if (!share) return null;
	for (const shared of share.docs) await mergeIntoCopy(shared, live);
	await rememberMeeting(share.meeting);
	return share;
}
