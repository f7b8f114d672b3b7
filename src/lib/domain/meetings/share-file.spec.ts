import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeShareFile, encodeShareFile, SHARE_MAGIC, type ShareFile } from './share-file';
import { addGuest, readAttendance } from './doc';
import type { Meeting } from './types';

const meeting = { id: 'meeting-0001', initiativeId: 'initiative-01', title: 'Réunion' } as Meeting;

function share(): ShareFile {
	const doc = new Y.Doc();
	addGuest(doc, { id: 'g1', name: 'Lou', now: 1 });
	return {
		meeting,
		docs: [
			{ docId: meeting.id, kind: 'meeting', update: Y.encodeStateAsUpdate(doc) },
			{ docId: meeting.initiativeId, kind: 'initiative', update: Y.encodeStateAsUpdate(new Y.Doc()) }
		]
	};
}

describe('share files', () => {
	it('round-trips and the update merges into another document', () => {
		const decoded = decodeShareFile(encodeShareFile(share()));
		expect(decoded?.meeting.id).toBe('meeting-0001');
		const other = new Y.Doc();
		Y.applyUpdate(other, decoded!.docs[0].update);
		expect(readAttendance(other).map((a) => a.name)).toEqual(['Lou']);
	});

	const valid = encodeShareFile(share());
	const text = (s: string) => new TextEncoder().encode(s);
	it.each([
		['empty', new Uint8Array()],
		['wrong magic', text('KOHERO-SHARE/9\n{}\n')],
		['bad JSON', text(`${SHARE_MAGIC}\n{oops\n`)],
		['truncated', valid.slice(0, valid.length - 1)],
		['trailing bytes', new Uint8Array([...valid, 1])],
		['a doc that is not this meeting', text(`${SHARE_MAGIC}\n${JSON.stringify({ meeting, docs: [{ docId: 'other-doc-1', kind: 'meeting', bytes: 0 }] })}\n`)],
		['path in an id', text(`${SHARE_MAGIC}\n${JSON.stringify({ meeting: { ...meeting, id: '../x' }, docs: [] })}\n`)]
	])('refuses %s', (_, bytes) => {
		expect(decodeShareFile(bytes)).toBeNull();
	});
});
