/** Ideas: `ideas` Y.Array<Y.Map> of {id, authorId, text, createdAt, votes: Y.Map<userId, true>}. */
import * as Y from 'yjs';
import { LIMITS, OK, authoredEntry, fail, ideasOf, indexById, readAuthored, type Authored, type AuthoredInput, type EditResult } from './shape';

export interface Idea extends Authored {
	votes: number;
	votedByMe: boolean;
}

export function proposeIdea(doc: Y.Doc, input: AuthoredInput): EditResult {
	const idea = authoredEntry(input, LIMITS.idea);
	if ('error' in idea) return fail(idea.error);
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
	const out: Idea[] = readAuthored(ideasOf(doc), LIMITS.idea).map(({ item, id, authorId, text, createdAt }) => ({
		id,
		authorId,
		text,
		createdAt,
		...countVotes(item, viewerId)
	}));
	return out.sort((a, b) => b.votes - a.votes || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
