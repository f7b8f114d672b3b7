/** Activity from the shared documents: new messages and ideas, told to the other members. */
import { store } from '$store/db';
import { excerptOf, type DocPostType } from '$lib/domain/notifications';
import { recordForMembers } from './record';

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
	const recordAll = () => posts.reduce((rows, post) => rows + recordOne(post), 0);
	// One post is one statement, atomic by itself: no transaction around it, so SQLite keeps no
	// statement journal (a copy of every page the fan-out touches).
	return posts.length > 1 ? store().sqlite.transaction(recordAll)() : recordAll();
}

function recordOne(post: DocPost): number {
	return recordForMembers({
		type: post.type,
		actorId: post.authorId,
		initiativeId: post.initiativeId,
		excerpt: excerptOf(post.text),
		createdAt: post.at
	}).length;
}
