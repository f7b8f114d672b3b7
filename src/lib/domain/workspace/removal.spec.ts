import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { postMessage, proposeIdea, readIdeas, readMessages } from './index';
import { findAuthored, removeAuthored, restoreAuthored } from './removal';

function docWith(): Y.Doc {
	const doc = new Y.Doc();
	postMessage(doc, { id: 'm1', authorId: 'a', text: 'bonjour', now: 1 });
	postMessage(doc, { id: 'm2', authorId: 'b', text: 'spam', now: 2 });
	proposeIdea(doc, { id: 'i1', authorId: 'b', text: 'une idée', now: 3 });
	return doc;
}

describe('workspace removal', () => {
	it('finds, removes and restores a message by id', () => {
		const doc = docWith();
		expect(findAuthored(doc, 'message', 'm2')).toEqual({ authorId: 'b', text: 'spam', createdAt: 2 });
		expect(findAuthored(doc, 'message', 'i1')).toBeNull();
		expect(removeAuthored(doc, 'message', 'm2')).toBe(1);
		expect(readMessages(doc).map((m) => m.id)).toEqual(['m1']);
		expect(removeAuthored(doc, 'message', 'm2')).toBe(0);
		expect(restoreAuthored(doc, 'message', { id: 'm2', authorId: 'b', text: 'spam', createdAt: 2 })).toBe(true);
		expect(restoreAuthored(doc, 'message', { id: 'm2', authorId: 'b', text: 'spam', createdAt: 2 })).toBe(false);
		expect(readMessages(doc).map((m) => m.id)).toEqual(['m1', 'm2']);
	});

	it('removes every copy of a duplicated id, and ideas come back without votes', () => {
		const doc = docWith();
		postMessage(doc, { id: 'm2', authorId: 'b', text: 'spam encore', now: 4 });
		expect(removeAuthored(doc, 'message', 'm2')).toBe(2);
		expect(removeAuthored(doc, 'idea', 'i1')).toBe(1);
		expect(readIdeas(doc, 'a')).toEqual([]);
		restoreAuthored(doc, 'idea', { id: 'i1', authorId: 'b', text: 'une idée', createdAt: 3 });
		expect(readIdeas(doc, 'a')).toEqual([expect.objectContaining({ id: 'i1', votes: 0 })]);
	});
});
