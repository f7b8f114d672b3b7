import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { proposeIdea, readIdeas, setVote } from './ideas';
import { ideasOf } from './shape';

function withIdeas(...texts: string[]): Y.Doc {
	const doc = new Y.Doc();
	texts.forEach((text, i) => proposeIdea(doc, { id: `idea-${i}`, authorId: 'u1', text, now: i }));
	return doc;
}

describe('proposeIdea', () => {
	it.each([
		{ text: 'Un composteur partagé', ok: true },
		{ text: '', ok: false },
		{ text: 'x'.repeat(1001), ok: false }
	])('"$text" → ok=$ok', ({ text, ok }) => {
		const doc = new Y.Doc();
		expect(proposeIdea(doc, { id: 'idea-0001', authorId: 'u1', text, now: 1 }).ok).toBe(ok);
		expect(readIdeas(doc, 'u1')).toHaveLength(ok ? 1 : 0);
	});

	it('stores votes as a Y.Map keyed by user id', () => {
		const doc = withIdeas('a');
		setVote(doc, 'idea-0', 'u2', true);
		const idea = ideasOf(doc).get(0);
		expect(idea.get('votes')).toBeInstanceOf(Y.Map);
		expect(idea.toJSON()).toEqual({ id: 'idea-0', authorId: 'u1', text: 'a', createdAt: 0, votes: { u2: true } });
	});
});

describe('votes', () => {
	it.each([
		{ steps: [['u1', true]], votes: 1, mine: true },
		{ steps: [['u1', true], ['u1', true]], votes: 1, mine: true },
		{ steps: [['u1', true], ['u1', false]], votes: 0, mine: false },
		{ steps: [['u1', true], ['u2', true]], votes: 2, mine: true },
		{ steps: [['u2', true]], votes: 1, mine: false },
		{ steps: [['u1', false]], votes: 0, mine: false }
	] as { steps: [string, boolean][]; votes: number; mine: boolean }[])('$steps → $votes', ({ steps, votes, mine }) => {
		const doc = withIdeas('a');
		for (const [user, vote] of steps) expect(setVote(doc, 'idea-0', user, vote).ok).toBe(true);
		expect(readIdeas(doc, 'u1')[0]).toMatchObject({ votes, votedByMe: mine });
	});

	it('one person voting on two devices at once counts once', () => {
		const a = withIdeas('a');
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		setVote(a, 'idea-0', 'u1', true);
		setVote(b, 'idea-0', 'u1', true);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readIdeas(a, 'u1')[0].votes).toBe(1);
		expect(readIdeas(b, 'u1')[0].votes).toBe(1);
	});

	it('unknown idea → not_found', () => {
		expect(setVote(withIdeas('a'), 'nope', 'u1', true)).toEqual({ ok: false, error: 'not_found' });
	});
});

describe('readIdeas', () => {
	it('sorts by votes, then oldest first', () => {
		const doc = withIdeas('a', 'b', 'c');
		setVote(doc, 'idea-2', 'u1', true);
		setVote(doc, 'idea-2', 'u2', true);
		setVote(doc, 'idea-1', 'u1', true);
		expect(readIdeas(doc, 'u1').map((i) => i.text)).toEqual(['c', 'b', 'a']);
	});
});
