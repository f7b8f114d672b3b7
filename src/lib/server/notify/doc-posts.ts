/** Activity from the shared documents: new messages and ideas, told to the other members. */
import { store } from '$store/db';
import { excerptOf } from '$lib/domain/notifications';
import { recordForMembers } from './record';

/** A message or an idea that appeared in an initiative's document. */
export interface DocPost {
	initiativeId: string;
	type: 'message_posted' | 'idea_posted';
	authorId: string;
	text: string;
	at: number;
}

/** Writes the activity of a batch of posts in one transaction; returns how many rows were written. */
export function recordDocPosts(posts: DocPost[]): number {
	if (posts.length === 0) return 0;
	return store().sqlite.transaction(() => {
		let rows = 0;
		for (const post of posts) {
			rows += recordForMembers({
				type: post.type,
				actorId: post.authorId,
				initiativeId: post.initiativeId,
				excerpt: excerptOf(post.text),
				createdAt: post.at
			}).length;
		}
		return rows;
	})();
}
