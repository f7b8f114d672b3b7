import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeBatch } from './merge-batch';

/** One update per writer, each from its own client, as a fan-in batch is. */
function writersUpdates(count: number): Uint8Array[] {
	const base = new Y.Doc();
	base.getArray('tasks');
	return Array.from({ length: count }, (_, i) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
		let update: Uint8Array | null = null;
		doc.on('update', (u: Uint8Array) => (update = u));
		doc.getArray<string>('tasks').push([`tâche ${i}`]);
		return update!;
	});
}

const contentOf = (update: Uint8Array) => {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, update);
	return { tasks: doc.getArray<string>('tasks').toArray().sort(), pending: doc.store.pendingStructs };
};

describe('mergeBatch', () => {
	it('returns a lone update as it is', () => {
		const [only] = writersUpdates(1);
		expect(mergeBatch([only])).toBe(only);
	});

	it.each([2, 17, 300])('holds what Y.mergeUpdates holds, for %i writers', (count) => {
		const updates = writersUpdates(count);
		expect(contentOf(mergeBatch(updates))).toEqual(contentOf(Y.mergeUpdates(updates)));
		expect(contentOf(mergeBatch(updates)).tasks).toHaveLength(count);
	});
});
