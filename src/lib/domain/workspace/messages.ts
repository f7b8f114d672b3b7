/** The discussion thread: `messages` Y.Array<Y.Map> of {id, authorId, text, createdAt}. */
import * as Y from 'yjs';
import { LIMITS, OK, authoredEntry, fail, messagesOf, readAuthored, type Authored, type AuthoredInput, type EditResult } from './shape';

/** A message of the thread. */
export type Message = Authored;

/** Appends a message; written offline, it is sent when the connection returns. */
export function postMessage(doc: Y.Doc, input: AuthoredInput): EditResult {
	const message = authoredEntry(input, LIMITS.message);
	if ('error' in message) return fail(message.error);
	messagesOf(doc).push([message]);
	return OK;
}

/**
 * Messages oldest first (newest at the bottom). Array order is kept for equal
 * times; an offline message merged later is placed by its own time.
 */
export function readMessages(doc: Y.Doc): Message[] {
	const out: Message[] = readAuthored(messagesOf(doc), LIMITS.message).map(({ id, authorId, text, createdAt }) => ({
		id,
		authorId,
		text,
		createdAt
	}));
	// Array.prototype.sort is stable, so equal times keep array order.
	return out.sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Index of the first message the viewer has not seen (written by someone else
 * after `lastSeen`), or -1 when there is none.
 */
export function firstUnreadIndex(messages: Message[], lastSeen: number, viewerId: string): number {
	return messages.findIndex((m) => m.createdAt > lastSeen && m.authorId !== viewerId);
}
