/** The discussion thread: `messages` Y.Array<Y.Map> of {id, authorId, text, createdAt}. */
import * as Y from 'yjs';
import { LIMITS, OK, cleanText, fail, messagesOf, num, str, type EditResult } from './shape';

export interface Message {
	id: string;
	authorId: string;
	text: string;
	createdAt: number;
}

/** Appends a message; written offline, it is sent when the connection returns. */
export function postMessage(
	doc: Y.Doc,
	input: { id: string; authorId: string; text: string; now: number }
): EditResult {
	const clean = cleanText(input.text, LIMITS.message);
	if ('error' in clean) return fail(clean.error);
	const message = new Y.Map<unknown>();
	message.set('id', input.id);
	message.set('authorId', input.authorId);
	message.set('text', clean.text);
	message.set('createdAt', input.now);
	messagesOf(doc).push([message]);
	return OK;
}

/**
 * Messages oldest first (newest at the bottom). Array order is kept for equal
 * times; an offline message merged later is placed by its own time.
 */
export function readMessages(doc: Y.Doc): Message[] {
	const out: Message[] = [];
	const seen = new Set<string>();
	for (const item of messagesOf(doc)) {
		if (!(item instanceof Y.Map)) continue;
		const id = str(item, 'id');
		const text = str(item, 'text');
		if (!id || !text || seen.has(id)) continue;
		seen.add(id);
		out.push({
			id,
			authorId: str(item, 'authorId') ?? '',
			text: text.slice(0, LIMITS.message),
			createdAt: num(item, 'createdAt')
		});
	}
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
