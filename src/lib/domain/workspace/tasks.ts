/** Tasks: `tasks` Y.Array<Y.Map> of {id, title, done, assigneeId?, createdBy, createdAt}. */
import * as Y from 'yjs';
import { LIMITS, OK, cleanText, fail, indexById, num, str, tasksOf, type EditResult } from './shape';

export interface Task {
	id: string;
	title: string;
	done: boolean;
	assigneeId: string | null;
	createdBy: string;
	createdAt: number;
}

/** Appends a task at the end of the list. */
export function addTask(
	doc: Y.Doc,
	input: { id: string; title: string; createdBy: string; now: number }
): EditResult {
	const clean = cleanText(input.title, LIMITS.taskTitle);
	if ('error' in clean) return fail(clean.error);
	const task = new Y.Map<unknown>();
	task.set('id', input.id);
	task.set('title', clean.text);
	task.set('done', false);
	task.set('createdBy', input.createdBy);
	task.set('createdAt', input.now);
	tasksOf(doc).push([task]);
	return OK;
}

function withTask(doc: Y.Doc, id: string, edit: (task: Y.Map<unknown>) => void): EditResult {
	const tasks = tasksOf(doc);
	const index = indexById(tasks, id);
	if (index < 0) return fail('not_found');
	edit(tasks.get(index));
	return OK;
}

export function renameTask(doc: Y.Doc, id: string, title: string): EditResult {
	const clean = cleanText(title, LIMITS.taskTitle);
	if ('error' in clean) return fail(clean.error);
	return withTask(doc, id, (t) => t.set('title', clean.text));
}

export function setTaskDone(doc: Y.Doc, id: string, done: boolean): EditResult {
	return withTask(doc, id, (t) => t.set('done', done));
}

/** Assigns to a member, or unassigns with null (the key is removed: `assigneeId?`). */
export function assignTask(doc: Y.Doc, id: string, assigneeId: string | null): EditResult {
	return withTask(doc, id, (t) => (assigneeId ? t.set('assigneeId', assigneeId) : t.delete('assigneeId')));
}

/** Deletes the task, including any copy left by concurrent moves (see moveTask). */
export function deleteTask(doc: Y.Doc, id: string): EditResult {
	const tasks = tasksOf(doc);
	if (indexById(tasks, id) < 0) return fail('not_found');
	doc.transact(() => {
		for (let i = tasks.length - 1; i >= 0; i--) if (tasks.get(i).get('id') === id) tasks.delete(i, 1);
	});
	return OK;
}

/**
 * Moves a task to `toIndex` (position in the list after the move). Y.Array has
 * no move, so the task is copied to its new place and the old entry deleted in
 * one transaction. Two people moving the same task at once can leave two
 * copies; `readTasks` shows only the first of each id.
 */
export function moveTask(doc: Y.Doc, id: string, toIndex: number): EditResult {
	const tasks = tasksOf(doc);
	const from = indexById(tasks, id);
	if (from < 0) return fail('not_found');
	const target = Math.max(0, Math.min(toIndex, tasks.length - 1));
	if (target === from) return OK;
	doc.transact(() => {
		const old = tasks.get(from);
		const copy = new Y.Map<unknown>();
		for (const [key, value] of old.entries()) copy.set(key, value);
		tasks.delete(from, 1);
		tasks.insert(target, [copy]);
	});
	return OK;
}

/** The tasks in order, skipping malformed entries and duplicate ids. */
export function readTasks(doc: Y.Doc): Task[] {
	const seen = new Set<string>();
	const out: Task[] = [];
	for (const item of tasksOf(doc)) {
		if (!(item instanceof Y.Map)) continue;
		const id = str(item, 'id');
		const title = str(item, 'title');
		if (!id || title === undefined || seen.has(id)) continue;
		seen.add(id);
		out.push({
			id,
			title: title.slice(0, LIMITS.taskTitle),
			done: item.get('done') === true,
			assigneeId: str(item, 'assigneeId') ?? null,
			createdBy: str(item, 'createdBy') ?? '',
			createdAt: num(item, 'createdAt')
		});
	}
	return out;
}
