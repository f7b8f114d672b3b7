/** Ideas: `ideas` Y.Array<Y.Map> of {id, authorId, text, createdAt, votes: Y.Map<userId, true>}. */
import * as Y from 'yjs';
import { LIMITS, OK, cleanText, fail, ideasOf, indexById, num, str, type EditResult } from './shape';

export interface Idea {
	id: string;
	authorId: string;
	text: string;
	createdAt: number;
	votes: number;
	votedByMe: boolean;
}

export function proposeIdea(
	doc: Y.Doc,
	input: { id: string; authorId: string; text: string; now: number }
): EditResult {
	const clean = cleanText(input.text, LIMITS.idea);
	if ('error' in clean) return fail(clean.error);
	const idea = new Y.Map<unknown>();
	idea.set('id', input.id);
	idea.set('authorId', input.authorId);
	idea.set('text', clean.text);
	idea.set('createdAt', input.now);
	idea.set('votes', new Y.Map<true>());
	ideasOf(doc).push([idea]);
	return OK;
}

/**
 * Sets or withdraws `userId`'s vote. Votes are keyed by user id, so one
 * person has at most one vote however often or concurrently they click.
 */
export function setVote(doc: Y.Doc, ideaId: string, userId: string, vote: boolean): EditResult {
	const ideas = ideasOf(doc);
	const index = indexById(ideas, ideaId);
	if (index < 0) return fail('not_found');
	const idea = ideas.get(index);
	doc.transact(() => {
		let votes = idea.get('votes');
		if (!(votes instanceof Y.Map)) {
			votes = new Y.Map<true>();
			idea.set('votes', votes);
		}
		const map = votes as Y.Map<true>;
		if (vote) map.set(userId, true);
		else map.delete(userId);
	});
	return OK;
}

function countVotes(idea: Y.Map<unknown>, viewerId: string): { votes: number; votedByMe: boolean } {
	const votes = idea.get('votes');
	if (!(votes instanceof Y.Map)) return { votes: 0, votedByMe: false };
	let count = 0;
	for (const value of votes.values()) if (value === true) count++;
	return { votes: count, votedByMe: votes.get(viewerId) === true };
}

/** Ideas with the most votes first; ties: the older idea first, then by id. */
export function readIdeas(doc: Y.Doc, viewerId: string): Idea[] {
	const out: Idea[] = [];
	const seen = new Set<string>();
	for (const item of ideasOf(doc)) {
		if (!(item instanceof Y.Map)) continue;
		const id = str(item, 'id');
		const text = str(item, 'text');
		if (!id || !text || seen.has(id)) continue;
		seen.add(id);
		out.push({
			id,
			authorId: str(item, 'authorId') ?? '',
			text: text.slice(0, LIMITS.idea),
			createdAt: num(item, 'createdAt'),
			...countVotes(item, viewerId)
		});
	}
	return out.sort((a, b) => b.votes - a.votes || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
