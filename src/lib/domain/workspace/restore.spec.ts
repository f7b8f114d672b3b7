import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { restoreFromSnapshot } from './restore';

function paragraph(text: string): Y.XmlElement {
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(text)]);
	return p;
}

function workspace(notes: string[], messages: string[]): Y.Doc {
	const doc = new Y.Doc();
	doc.getXmlFragment('notes').insert(0, notes.map(paragraph));
	doc.getArray('messages').push(messages.map((text) => new Y.Map<unknown>([['text', text], ['authorId', 'a']])));
	return doc;
}

const notesText = (doc: Y.Doc) => doc.getXmlFragment('notes').toString();
const messageTexts = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('messages').map((m) => m.get('text'));

describe('restoreFromSnapshot', () => {
	it.each([
		{ name: 'wiped notes come back', then: ['un', 'deux'], now: [] as string[] },
		{ name: 'middle rewritten', then: ['un', 'deux', 'trois'], now: ['un', 'DEUX', 'trois'] },
		{ name: 'extra paragraphs go', then: ['un'], now: ['un', 'pirate', 'pirate'] },
		{ name: 'already equal', then: ['un'], now: ['un'] }
	])('notes: $name', ({ then, now }) => {
		const snapshot = Y.encodeStateAsUpdate(workspace(then, []));
		const doc = workspace(now, []);
		restoreFromSnapshot(doc, snapshot, 'notes');
		expect(notesText(doc)).toBe(notesText(workspace(then, [])));
	});

	it('scope notes leaves the messages; scope all restores them too, as one forward edit others receive', () => {
		const snapshot = Y.encodeStateAsUpdate(workspace(['note'], ['bonjour', 'salut']));
		const doc = workspace([], []);
		const peer = new Y.Doc();
		doc.on('update', (u: Uint8Array) => Y.applyUpdate(peer, u));
		restoreFromSnapshot(doc, snapshot, 'notes');
		expect(messageTexts(doc)).toEqual([]);
		restoreFromSnapshot(doc, snapshot, 'all');
		expect(messageTexts(doc)).toEqual(['bonjour', 'salut']);
		expect(messageTexts(peer)).toEqual(['bonjour', 'salut']);
		expect(notesText(peer)).toBe(notesText(doc));
	});
});
