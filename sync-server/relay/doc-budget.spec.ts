import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocBudget, estimateDocHeap, HEAP_PER_STRUCT_BYTES } from './doc-budget';

describe('DocBudget', () => {
	it('names idle documents, least recently used first, until the rest fits', () => {
		const budget = new DocBudget(100);
		budget.set('a', 40);
		budget.set('b', 40);
		budget.set('c', 40);
		expect(budget.over).toBe(true);
		budget.touch('a');
		expect(budget.victims(() => true)).toEqual(['b']);
		expect(budget.victims((id) => id !== 'b')).toEqual(['c']);
		expect(budget.victims(() => false)).toEqual([]);
		budget.delete('b');
		expect(budget.over).toBe(false);
		expect(budget.totalBytes).toBe(80);
	});

	it('estimates a document from its structs and encoded size', () => {
		const doc = new Y.Doc();
		for (let i = 0; i < 10; i++) doc.getArray('tasks').insert(0, [i]);
		expect(estimateDocHeap(doc, 1000)).toBe(10 * HEAP_PER_STRUCT_BYTES + 1000);
	});
});
