/**
 * Moderation of the workspace: finding, removing and putting back one message
 * or idea by id. The server applies these as its own edits (API.md "Moderation").
 */
import * as Y from 'yjs';
import { IDEAS, MESSAGES, ideasOf, messagesOf, num, str, type Readable } from './shape';

export type AuthoredKind = 'message' | 'idea';
export interface Authored {
	authorId: string;
	text: string;
	createdAt: number;
}

const arrayOf = (doc: Y.Doc, kind: AuthoredKind) => (kind === 'message' ? messagesOf(doc) : ideasOf(doc));

/** An entry's fields, from its Y.Map or from a Map of its JSON. */
export const authoredOf = (entry: Readable): Authored => ({ authorId: str(entry, 'authorId') ?? '', text: str(entry, 'text') ?? '', createdAt: num(entry, 'createdAt') });

/** Where findAuthored looks, for a reader without the Y.Doc (the stored-document worker): the first map of `array` whose `key` is `value`. */
export const authoredQuery = (kind: AuthoredKind, id: string) => ({ array: kind === 'message' ? MESSAGES : IDEAS, key: 'id', value: id });

/** The entry `id` of the thread or the ideas, as stored, or null. */
export function findAuthored(doc: Y.Doc, kind: AuthoredKind, id: string): Authored | null {
	for (const item of arrayOf(doc, kind)) {
		if (item instanceof Y.Map && item.get('id') === id) return authoredOf(item);
	}
	return null;
}

/** Deletes every entry with this id (a duplicate must not survive); returns how many. */
export function removeAuthored(doc: Y.Doc, kind: AuthoredKind, id: string): number {
	const array = arrayOf(doc, kind);
	let removed = 0;
	doc.transact(() => {
		// From the end, so the indexes still to visit do not move.
		for (let i = array.length - 1; i >= 0; i--) {
			const item = array.get(i);
			if (item instanceof Y.Map && item.get('id') === id) {
				array.delete(i, 1);
				removed++;
			}
		}
	});
	return removed;
}

/** Puts a removed entry back (a moderator restored it), unless it is there; votes start again. */
export function restoreAuthored(doc: Y.Doc, kind: AuthoredKind, entry: { id: string; authorId: string; text: string; createdAt: number }): boolean {
	if (findAuthored(doc, kind, entry.id)) return false;
	const map = new Y.Map<unknown>();
	map.set('id', entry.id);
	map.set('authorId', entry.authorId);
	map.set('text', entry.text);
	map.set('createdAt', entry.createdAt);
	if (kind === 'idea') map.set('votes', new Y.Map<true>());
	arrayOf(doc, kind).push([map]);
	return true;
}
