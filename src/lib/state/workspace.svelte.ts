/**
 * The open workspace of one initiative as reactive state: the document's
 * tasks, messages and ideas, who is here, the sync status, and the edits a
 * member can make. Lifecycle (IndexedDB, socket) lives in $lib/local.
 */
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { newId } from '$lib/domain/ids';
import * as ws from '$lib/domain/workspace';
import {
	openWorkspaceDoc,
	readLastSeen,
	readLastSynced,
	writeLastSeen,
	writeLastSynced,
	type StopReason,
	type SyncStatus,
	type WorkspaceDoc
} from '$lib/local/docs';

export interface WorkspaceUser {
	id: string;
	displayName: string;
}

const READ_ONLY: ws.EditResult = { ok: false, error: 'not_found' };

export class WorkspaceState {
	status = $state<SyncStatus>('loading');
	stop = $state<StopReason>(null);
	/** True once the local copy is shown (the first paint may come before). */
	loaded = $state(false);
	tasks = $state.raw<ws.Task[]>([]);
	messages = $state.raw<ws.Message[]>([]);
	ideas = $state.raw<ws.Idea[]>([]);
	peers = $state.raw<ws.Peer[]>([]);
	/** Epoch ms this document was last in step with the relay ("synchronisé à 14:32"), kept across reloads. */
	syncedAt = $state<number | null>(null);
	/** Time of the newest message I have seen in the discussion (this device). */
	lastSeen = $state(0);
	/** Messages from others since I last viewed the discussion. */
	unread = $derived(this.messages.filter((m) => m.createdAt > this.lastSeen && m.authorId !== this.user.id).length);

	readonly docId: string;
	readonly user: WorkspaceUser;
	readonly canWrite: boolean;
	readonly color: string;
	#open: WorkspaceDoc;
	#unobserve: (() => void)[] = [];

	constructor(docId: string, user: WorkspaceUser, canWrite: boolean) {
		this.docId = docId;
		this.user = user;
		this.canWrite = canWrite;
		this.color = ws.colorFor(user.id);
		this.lastSeen = readLastSeen(docId);
		this.#open = openWorkspaceDoc(docId, {
			user: { id: user.id, name: user.displayName, color: this.color },
			onStatus: (status, stop) => {
				this.status = status;
				this.stop = stop;
				// The provider's sync event: the relay and this copy now hold the same content.
				if (status === 'synced') this.#markSynced();
			}
		});
		const doc = this.#open.doc;
		this.syncedAt = readLastSynced(docId);
		// While connected, every edit (ours or another's) crosses the relay at once.
		const onUpdate = () => this.status === 'synced' && this.#markSynced();
		doc.on('update', onUpdate);
		this.#unobserve.push(() => doc.off('update', onUpdate));
		this.#watch(ws.tasksOf(doc), () => (this.tasks = ws.readTasks(doc)));
		this.#watch(ws.messagesOf(doc), () => (this.messages = ws.readMessages(doc)));
		this.#watch(ws.ideasOf(doc), () => (this.ideas = ws.readIdeas(doc, user.id)));
		const awareness = this.#open.awareness;
		const onAwareness = () => (this.peers = ws.peersFrom(awareness.getStates() as Map<number, Record<string, unknown>>));
		awareness.on('change', onAwareness);
		this.#unobserve.push(() => awareness.off('change', onAwareness));
		onAwareness();
		this.#open.loaded.then(
			() => (this.loaded = true),
			(err: unknown) => console.error('kohero: opening the local copy failed', err)
		);
	}

	get doc(): Y.Doc {
		return this.#open.doc;
	}

	get awareness(): Awareness {
		return this.#open.awareness;
	}

	#watch(array: Y.Array<Y.Map<unknown>>, read: () => void): void {
		array.observeDeep(read);
		this.#unobserve.push(() => array.unobserveDeep(read));
		read();
	}

	#edit(edit: (doc: Y.Doc) => ws.EditResult): ws.EditResult {
		return this.canWrite ? edit(this.#open.doc) : READ_ONLY;
	}

	addTask = (title: string) =>
		this.#edit((d) => ws.addTask(d, { id: newId(), title, createdBy: this.user.id, now: Date.now() }));
	renameTask = (id: string, title: string) => this.#edit((d) => ws.renameTask(d, id, title));
	setTaskDone = (id: string, done: boolean) => this.#edit((d) => ws.setTaskDone(d, id, done));
	assignTask = (id: string, assigneeId: string | null) => this.#edit((d) => ws.assignTask(d, id, assigneeId));
	moveTask = (id: string, toIndex: number) => this.#edit((d) => ws.moveTask(d, id, toIndex));
	deleteTask = (id: string) => this.#edit((d) => ws.deleteTask(d, id));
	postMessage = (text: string) =>
		this.#edit((d) => ws.postMessage(d, { id: newId(), authorId: this.user.id, text, now: Date.now() }));
	proposeIdea = (text: string) =>
		this.#edit((d) => ws.proposeIdea(d, { id: newId(), authorId: this.user.id, text, now: Date.now() }));
	setVote = (ideaId: string, vote: boolean) => this.#edit((d) => ws.setVote(d, ideaId, this.user.id, vote));

	#markSynced(): void {
		const now = Date.now();
		// Shown to the minute: no need to touch storage on every keystroke.
		if (this.syncedAt !== null && now - this.syncedAt < 1000) return;
		this.syncedAt = now;
		writeLastSynced(this.docId, now);
	}

	/** Records that the discussion was viewed up to `time` (a message's createdAt). */
	markSeen(time: number): void {
		if (time <= this.lastSeen) return;
		this.lastSeen = time;
		writeLastSeen(this.docId, time);
	}

	/** Releases the socket, IndexedDB and every listener. */
	destroy(): void {
		for (const off of this.#unobserve) off();
		this.#unobserve = [];
		this.#open.close();
	}
}
