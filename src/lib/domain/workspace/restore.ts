/**
 * Restoring a workspace from one of its snapshots as a forward edit: each
 * restored root keeps what it shares with the snapshot at its start and end,
 * and only the differing middle is replaced with copies of the snapshot's
 * content. Every client receives it like any other change (offline ones on return).
 */
import * as Y from 'yjs';
import { IDEAS, MESSAGES, NOTES, TASKS } from './shape';

export type RestoreScope = 'notes' | 'all';
export const RESTORE_SCOPES = ['notes', 'all'] as const;

/** Brings the roots of `scope` in `doc` back to what `snapshot` (an encoded document) holds. */
export function restoreFromSnapshot(doc: Y.Doc, snapshot: Uint8Array, scope: RestoreScope): void {
	const past = new Y.Doc();
	try {
		Y.applyUpdate(past, snapshot);
		doc.transact(() => {
			replaceMiddle(doc.getXmlFragment(NOTES), past.getXmlFragment(NOTES));
			if (scope === 'notes') return;
			for (const name of [TASKS, MESSAGES, IDEAS]) replaceMiddle(doc.getArray(name), past.getArray(name));
		});
	} finally {
		past.destroy();
	}
}

type ListType = Y.Array<unknown> | Y.XmlFragment;

/** Replaces the part of `current` that differs from `target` with copies of `target`'s. */
function replaceMiddle(current: ListType, target: ListType): void {
	const now = current.toArray() as unknown[];
	const then = target.toArray() as unknown[];
	const key = (value: unknown) => (value instanceof Y.AbstractType ? JSON.stringify(value.toJSON()) : JSON.stringify(value));
	const nowKeys = now.map(key);
	const thenKeys = then.map(key);
	let start = 0;
	while (start < now.length && start < then.length && nowKeys[start] === thenKeys[start]) start++;
	let end = 0;
	while (
		end < now.length - start &&
		end < then.length - start &&
		nowKeys[now.length - 1 - end] === thenKeys[then.length - 1 - end]
	) {
		end++;
	}
	const removed = now.length - start - end;
	if (removed > 0) current.delete(start, removed);
	const added = then.slice(start, then.length - end).map(copy);
	if (added.length > 0) (current as Y.Array<unknown>).insert(start, added);
}

/** A fresh copy of a value (types are cloned deeply, they cannot live in two documents). */
function copy(value: unknown): unknown {
	return value instanceof Y.AbstractType ? (value as Y.AbstractType<unknown> & { clone(): unknown }).clone() : value;
}
