/**
 * Activity from the shared documents: new messages and ideas, told to the
 * other members. One row per post whatever the initiative's size (fan-out on
 * read): the relay's watcher pays one small insert, not one per member.
 */
import { store } from '$store/db';
import { excerptOf, type DocPostType } from '$lib/domain/notifications';
import { recordShared } from './record';

/** A message or an idea that appeared in an initiative's document. */
export interface DocPost {
	initiativeId: string;
	type: DocPostType;
	authorId: string;
	text: string;
	at: number;
}

/** Writes the activity of a batch of posts in one transaction; returns how many rows were written. */
export function recordDocPosts(posts: DocPost[]): number {
	const recordAll = () => {
		for (const post of posts) recordOne(post);
		return posts.length;
	};
	return posts.length > 1 ? store().sqlite.transaction(recordAll)() : recordAll();
}

function recordOne(post: DocPost): void {
	recordShared({
		type: post.type,
		actorId: post.authorId,
		initiativeId: post.initiativeId,
		excerpt: excerptOf(post.text),
		createdAt: post.at
	});
}
