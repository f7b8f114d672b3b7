/**
 * "Partager hors ligne": a meeting document and its initiative's workspace as
 * one small file, passed from device to device without internet. Layout: a
 * first line `KOHERO-SHARE/1`, a JSON header line naming each document (id,
 * kind, byte length) and the meeting as last seen, then the Yjs updates back
 * to back. Pure: bytes in, bytes out.
 */
import { ID_PATTERN } from '../ids';
import type { Meeting } from './types';

export const SHARE_MAGIC = 'KOHERO-SHARE/1';
export const SHARE_EXTENSION = '.kohero';
/** A share never exceeds two full documents (API.md: 20 MiB each). */
export const SHARE_MAX_BYTES = 41 * 1024 * 1024;

export interface SharedDoc {
	docId: string;
	kind: 'meeting' | 'initiative';
	update: Uint8Array;
}

export interface ShareFile {
	meeting: Meeting;
	docs: SharedDoc[];
}

interface Header {
	meeting: Meeting;
	docs: { docId: string; kind: SharedDoc['kind']; bytes: number }[];
}

/** The file's bytes. */
export function encodeShareFile(share: ShareFile): Uint8Array {
	const header: Header = { meeting: share.meeting, docs: share.docs.map((d) => ({ docId: d.docId, kind: d.kind, bytes: d.update.byteLength })) };
	const head = new TextEncoder().encode(`${SHARE_MAGIC}\n${JSON.stringify(header)}\n`);
	const out = new Uint8Array(head.byteLength + share.docs.reduce((n, d) => n + d.update.byteLength, 0));
	out.set(head, 0);
	let at = head.byteLength;
	for (const d of share.docs) {
		out.set(d.update, at);
		at += d.update.byteLength;
	}
	return out;
}

function lineEnd(bytes: Uint8Array, from: number): number {
	const at = bytes.indexOf(10, from);
	return at < 0 ? bytes.length : at;
}

/** The share in `bytes`, or null when it is not one (wrong magic, bad header, truncated, odd ids). */
export function decodeShareFile(bytes: Uint8Array): ShareFile | null {
	if (bytes.byteLength > SHARE_MAX_BYTES) return null;
	const decoder = new TextDecoder();
	const magicEnd = lineEnd(bytes, 0);
	if (decoder.decode(bytes.subarray(0, magicEnd)) !== SHARE_MAGIC) return null;
	const headerEnd = lineEnd(bytes, magicEnd + 1);
	let header: Header;
	try {
		header = JSON.parse(decoder.decode(bytes.subarray(magicEnd + 1, headerEnd))) as Header;
	} catch {
		return null;
	}
	const meeting = header?.meeting;
	if (!meeting || typeof meeting.id !== 'string' || !ID_PATTERN.test(meeting.id) || !ID_PATTERN.test(String(meeting.initiativeId))) return null;
	if (!Array.isArray(header.docs) || header.docs.length === 0 || header.docs.length > 2) return null;
	const docs: SharedDoc[] = [];
	let at = headerEnd + 1;
	for (const d of header.docs) {
		const expected = d?.kind === 'meeting' ? meeting.id : meeting.initiativeId;
		if (d?.docId !== expected || !Number.isInteger(d.bytes) || d.bytes < 0 || at + d.bytes > bytes.byteLength) return null;
		docs.push({ docId: d.docId, kind: d.kind, update: bytes.slice(at, at + d.bytes) });
		at += d.bytes;
	}
	return at === bytes.byteLength ? { meeting, docs } : null;
}
