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

/** A value from a Y.Map that another client wrote: trusted only if it has the expected type. */
export function str(map: Y.Map<unknown>, key: string): string | undefined {
	const v = map.get(key);
	return typeof v === 'string' ? v : undefined;
}

export function num(map: Y.Map<unknown>, key: string): number {
	const v = map.get(key);
	return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

export const notesOf = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(NOTES);
export const tasksOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(TASKS);
export const messagesOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(MESSAGES);
export const ideasOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(IDEAS);

/** Index of the entry whose `id` is `id`, or -1. */
export function indexById(array: Y.Array<Y.Map<unknown>>, id: string): number {
	let i = 0;
	for (const item of array) {
		if (item instanceof Y.Map && item.get('id') === id) return i;
		i++;
	}
	return -1;
}
