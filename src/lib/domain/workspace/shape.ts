/**
 * The collaborative document's shape (API.md "Document shape"): every client
 * must use exactly these names and fields, so they live in one place.
 */
import * as Y from 'yjs';

export const NOTES = 'notes';
export const TASKS = 'tasks';
export const MESSAGES = 'messages';
export const IDEAS = 'ideas';

/** Length limits; checked before writing, and again when reading others' writes. */
export const LIMITS = {
	taskTitle: 200,
	message: 4000,
	idea: 1000
} as const;

export type TextError = 'required' | 'too_long';
export type EditError = TextError | 'not_found';
export type EditResult = { ok: true } | { ok: false; error: EditError };

export const OK: EditResult = { ok: true };
export const fail = (error: EditError): EditResult => ({ ok: false, error });

/** The trimmed text, or why it cannot be stored. */
export function cleanText(raw: string, max: number): { text: string } | { error: TextError } {
	const text = raw.trim();
	if (!text) return { error: 'required' };
	if (text.length > max) return { error: 'too_long' };
	return { text };
}

/** What str and num read: a Y.Map, or a Map of a copy of one (its JSON). */
export interface Readable {
	get(key: string): unknown;
}

/** A value from a Y.Map that another client wrote: trusted only if it has the expected type. */
export function str(map: Readable, key: string): string | undefined {
	const v = map.get(key);
	return typeof v === 'string' ? v : undefined;
}

export function num(map: Readable, key: string): number {
	const v = map.get(key);
	return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

export const notesOf = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(NOTES);
export const tasksOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(TASKS);
export const messagesOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(MESSAGES);
export const ideasOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(IDEAS);

/** What a person writes in the thread or the ideas: `{id, authorId, text, createdAt}`. */
export interface AuthoredInput {
	id: string;
	authorId: string;
	text: string;
	now: number;
}

/** A new `{id, authorId, text, createdAt}` entry, or why its text cannot be stored. */
export function authoredEntry(input: AuthoredInput, max: number): Y.Map<unknown> | { error: TextError } {
	const clean = cleanText(input.text, max);
	if ('error' in clean) return clean;
	const entry = new Y.Map<unknown>();
	entry.set('id', input.id);
	entry.set('authorId', input.authorId);
	entry.set('text', clean.text);
	entry.set('createdAt', input.now);
	return entry;
}

/** What messages and ideas share once read: who wrote what, when (epoch ms). */
export interface Authored {
	id: string;
	authorId: string;
	text: string;
	createdAt: number;
}

/** A stored entry as read back: its fields checked, its Y.Map kept for what else it holds. */
export interface AuthoredEntry extends Authored {
	item: Y.Map<unknown>;
}

/** The readable `{id, authorId, text, createdAt}` of each well-formed entry, once per id, in array order. */
export function readAuthored(array: Y.Array<Y.Map<unknown>>, max: number): AuthoredEntry[] {
	const out: AuthoredEntry[] = [];
	const seen = new Set<string>();
	for (const item of array) {
		if (!(item instanceof Y.Map)) continue;
		const id = str(item, 'id');
		const text = str(item, 'text');
		if (!id || !text || seen.has(id)) continue;
		seen.add(id);
		out.push({ item, id, authorId: str(item, 'authorId') ?? '', text: text.slice(0, max), createdAt: num(item, 'createdAt') });
	}
	return out;
}

/** Index of the entry whose `id` is `id`, or -1. */
export function indexById(array: Y.Array<Y.Map<unknown>>, id: string): number {
	let i = 0;
	for (const item of array) {
		if (item instanceof Y.Map && item.get('id') === id) return i;
		i++;
	}
	return -1;
}
