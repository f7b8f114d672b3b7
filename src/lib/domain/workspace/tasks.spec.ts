import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTask, assignTask, deleteTask, moveTask, readTasks, renameTask, setTaskDone } from './tasks';
import { tasksOf } from './shape';

function docWith(...titles: string[]): Y.Doc {
	const doc = new Y.Doc();
	titles.forEach((title, i) => addTask(doc, { id: `task-${i}`, title, createdBy: 'u1', now: 1000 + i }));
	return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('addTask', () => {
	it.each([
		{ title: 'Réserver la salle', ok: true, stored: 'Réserver la salle' },
		{ title: '  espaces  ', ok: true, stored: 'espaces' },
		{ title: '   ', ok: false, error: 'required' },
		{ title: 'x'.repeat(200), ok: true, stored: 'x'.repeat(200) },
		{ title: 'x'.repeat(201), ok: false, error: 'too_long' }
	])('"$title" → ok=$ok', ({ title, ok, stored, error }) => {
		const doc = new Y.Doc();
		const result = addTask(doc, { id: 'task-1', title, createdBy: 'u1', now: 5 });
		expect(result.ok).toBe(ok);
		if (ok) {
			expect(readTasks(doc)).toEqual([
				{ id: 'task-1', title: stored, done: false, assigneeId: null, createdBy: 'u1', createdAt: 5 }
			]);
		} else {
			expect(result).toEqual({ ok: false, error });
			expect(readTasks(doc)).toEqual([]);
		}
	});

	it('stores the contract field names and types', () => {
		const doc = docWith('a');
		const map = tasksOf(doc).get(0);
		expect(map.toJSON()).toEqual({ id: 'task-0', title: 'a', done: false, createdBy: 'u1', createdAt: 1000 });
	});
});

describe('editing a task', () => {
	it.each([
		{ name: 'rename', edit: (d: Y.Doc) => renameTask(d, 'task-0', 'Affiches'), field: 'title', value: 'Affiches' },
		{ name: 'tick', edit: (d: Y.Doc) => setTaskDone(d, 'task-0', true), field: 'done', value: true },
		{ name: 'assign', edit: (d: Y.Doc) => assignTask(d, 'task-0', 'u2'), field: 'assigneeId', value: 'u2' }
	])('$name', ({ edit, field, value }) => {
		const doc = docWith('a');
		expect(edit(doc)).toEqual({ ok: true });
		expect(readTasks(doc)[0]).toMatchObject({ [field]: value });
	});

	it.each([
		['rename', (d: Y.Doc) => renameTask(d, 'nope', 'x')],
		['tick', (d: Y.Doc) => setTaskDone(d, 'nope', true)],
		['assign', (d: Y.Doc) => assignTask(d, 'nope', 'u2')],
		['delete', (d: Y.Doc) => deleteTask(d, 'nope')],
		['move', (d: Y.Doc) => moveTask(d, 'nope', 0)]
	])('%s an unknown task → not_found', (_, edit) => {
		expect(edit(docWith('a'))).toEqual({ ok: false, error: 'not_found' });
	});

	it('rejects an empty rename', () => {
		const doc = docWith('a');
		expect(renameTask(doc, 'task-0', ' ')).toEqual({ ok: false, error: 'required' });
		expect(readTasks(doc)[0].title).toBe('a');
	});

	it('unassigns by removing the key', () => {
		const doc = docWith('a');
		assignTask(doc, 'task-0', 'u2');
		assignTask(doc, 'task-0', null);
		expect(tasksOf(doc).get(0).has('assigneeId')).toBe(false);
	});

	it('deletes', () => {
		const doc = docWith('a', 'b');
		deleteTask(doc, 'task-0');
		expect(readTasks(doc).map((t) => t.title)).toEqual(['b']);
	});
});

describe('moveTask', () => {
	it.each([
		{ id: 'task-0', to: 1, order: ['b', 'a', 'c'] },
		{ id: 'task-2', to: 0, order: ['c', 'a', 'b'] },
		{ id: 'task-1', to: 1, order: ['a', 'b', 'c'] },
		{ id: 'task-0', to: 99, order: ['b', 'c', 'a'] },
		{ id: 'task-2', to: -3, order: ['c', 'a', 'b'] }
	])('$id to $to → $order', ({ id, to, order }) => {
		const doc = docWith('a', 'b', 'c');
		assignTask(doc, 'task-0', 'u9');
		expect(moveTask(doc, id, to)).toEqual({ ok: true });
		const tasks = readTasks(doc);
		expect(tasks.map((t) => t.title)).toEqual(order);
		expect(tasks.find((t) => t.id === 'task-0')?.assigneeId).toBe('u9');
	});

	it('concurrent moves of the same task never show it twice', () => {
		const a = docWith('a', 'b', 'c');
		const b = new Y.Doc();
		sync(a, b);
		moveTask(a, 'task-0', 2);
		moveTask(b, 'task-0', 1);
		sync(a, b);
		expect(readTasks(a)).toEqual(readTasks(b));
		expect(readTasks(a).map((t) => t.id).sort()).toEqual(['task-0', 'task-1', 'task-2']);
		deleteTask(a, 'task-0');
		expect(readTasks(a).map((t) => t.id)).toEqual(['task-1', 'task-2']);
	});
});

describe('readTasks', () => {
	it('skips malformed entries written by another client', () => {
		const doc = docWith('a');
		const bad = new Y.Map<unknown>();
		bad.set('title', 42);
		tasksOf(doc).push([bad]);
		expect(readTasks(doc).map((t) => t.id)).toEqual(['task-0']);
	});

	it('two clients adding offline both keep their tasks', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addTask(a, { id: 'ta-000001', title: 'A', createdBy: 'u1', now: 1 });
		addTask(b, { id: 'tb-000001', title: 'B', createdBy: 'u2', now: 2 });
		sync(a, b);
		expect(readTasks(a)).toEqual(readTasks(b));
		expect(readTasks(a)).toHaveLength(2);
	});
});
