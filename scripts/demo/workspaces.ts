/**
 * The demo initiatives' workspaces, written as real Yjs documents through the
 * relay's own document store, so they open with content online and offline:
 * notes with a few paragraphs, tasks half done, a short discussion between
 * members, ideas with votes.
 */
import * as Y from 'yjs';
import type Database from 'better-sqlite3';
import { createSqliteDocStore } from '$store/doc-log';
import { newId } from '$lib/domain/ids';
import { addTask, notesOf, postMessage, proposeIdea, setTaskDone, setVote } from '$lib/domain/workspace';
import { IDEAS, MESSAGES, NOTES, TASKS } from './workspace-texts';

export interface DemoWorkspace {
	initiativeId: string;
	title: string;
	place: string;
	/** Owner first, then the other members. */
	memberIds: string[];
	createdAt: number;
}

const HOUR = 3_600_000;

/** `{lieu}` and `{titre}` replaced. */
const fill = (text: string, w: DemoWorkspace) => text.replaceAll('{lieu}', w.place).replaceAll('{titre}', w.title);

function writeNotes(doc: Y.Doc, w: DemoWorkspace, random: () => number) {
	const section = NOTES[Math.floor(random() * NOTES.length)];
	const heading = new Y.XmlElement('heading');
	heading.setAttribute('level', 2 as unknown as string);
	heading.insert(0, [new Y.XmlText(fill(section.heading, w))]);
	const paragraphs = section.paragraphs.map((text) => {
		const p = new Y.XmlElement('paragraph');
		p.insert(0, [new Y.XmlText(fill(text, w))]);
		return p;
	});
	notesOf(doc).insert(0, [heading, ...paragraphs]);
}

/** One initiative's document, as the update a client would have sent. */
export function demoWorkspaceUpdate(w: DemoWorkspace, random: () => number): Uint8Array {
	const doc = new Y.Doc();
	const author = (i: number) => w.memberIds[i % w.memberIds.length];
	let at = w.createdAt + HOUR;
	const next = () => (at += Math.floor((2 + random() * 20) * HOUR));
	writeNotes(doc, w, random);

	const taskCount = 4 + Math.floor(random() * 3);
	const start = Math.floor(random() * TASKS.length);
	for (let i = 0; i < taskCount; i++) {
		const id = newId();
		addTask(doc, { id, title: TASKS[(start + i) % TASKS.length], createdBy: author(i), now: next() });
		if (i < taskCount / 2) setTaskDone(doc, id, true); // about half done
	}

	const messageCount = w.memberIds.length > 1 ? 3 + Math.floor(random() * 4) : 1;
	for (let i = 0; i < messageCount; i++) {
		postMessage(doc, { id: newId(), authorId: author(i), text: fill(MESSAGES[i], w), now: next() });
	}

	const ideaStart = Math.floor(random() * IDEAS.length);
	for (let i = 0; i < 3; i++) {
		const id = newId();
		proposeIdea(doc, { id, authorId: author(i + 1), text: IDEAS[(ideaStart + i) % IDEAS.length], now: next() });
		for (const voter of w.memberIds) if (random() < 0.5 - i * 0.12) setVote(doc, id, voter, true);
	}
	return Y.encodeStateAsUpdate(doc);
}

/** Writes every workspace through the relay's store, then waits until all of it is committed. */
export async function seedWorkspaces(sqlite: Database.Database, workspaces: DemoWorkspace[], random: () => number): Promise<void> {
	const store = createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 });
	await Promise.all(workspaces.map((w) => store.append(w.initiativeId, demoWorkspaceUpdate(w, random), w.memberIds[0])));
	await store.flush();
}
