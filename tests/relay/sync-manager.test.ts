/**
 * The browser's sync manager against the real relay (fake-indexeddb stands in
 * for the browser's storage): after a "restart of the page" (a new manager on
 * the same IndexedDB), documents with unacknowledged edits are found and sent,
 * acknowledged ones are not reconnected, and a document whose creation is
 * still in the outbox waits for it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTask, readTasks } from '../../src/lib/domain/workspace';
import { KoheroDb } from '../../src/lib/local/db';
import { openLocalCopy, localDbName } from '../../src/lib/local/docs/local-copy';
import { SyncManager } from '../../src/lib/local/docs/sync-manager';
import { cookieWebSocket, createInitiative, useRelayServer, connectClient, type Member } from './helpers';

const relay = useRelayServer(['owner']);

/** Writes a task into the device's copy of `docId`, as an offline edit would. */
async function editOffline(docId: string, title: string): Promise<void> {
	const doc = new Y.Doc();
	const copy = openLocalCopy(localDbName(docId), doc);
	await copy.loaded;
	addTask(doc, { id: `t-${Math.random().toString(36).slice(2, 10)}`, title, createdBy: 'me', now: Date.now() });
	await copy.written();
	copy.close();
	doc.destroy();
}

/** A new manager on the same storage: what a page restart sees. */
function restartedManager(member: Member, db: KoheroDb, connections: string[]): SyncManager {
	const Base = cookieWebSocket(member.cookie);
	const Counting = class extends Base {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols);
			connections.push(url);
		}
	};
	return new SyncManager({
		db,
		serverUrl: `${relay.server.wsUrl}/sync`,
		WebSocketPolyfill: Counting as unknown as typeof WebSocket,
		isOnline: () => true,
		timeoutMs: 20_000
	});
}

/** The tasks the relay holds, read by a fresh client. */
async function serverTasks(docId: string, member: Member): Promise<string[]> {
	const client = connectClient(relay.server.wsUrl, docId, member.cookie);
	try {
		await new Promise<void>((resolve) => client.provider.once('sync', () => resolve()));
		return readTasks(client.doc).map((t) => t.title);
	} finally {
		client.destroy();
	}
}

describe('sync manager', () => {
	it('finds unacknowledged documents after a restart, sends them, and leaves acknowledged ones alone', async () => {
		const { owner } = relay.members;
		const db = new KoheroDb(`kohero-${Math.random()}`);
		const docs = [createInitiative(relay.server, owner), createInitiative(relay.server, owner), createInitiative(relay.server, owner)];
		for (const [i, docId] of docs.entries()) await editOffline(docId, `Tâche hors ligne ${i}`);

		const first: string[] = [];
		const manager = restartedManager(owner, db, first);
		expect(await Promise.all(docs.map((id) => manager.syncDoc(id)))).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
		expect(manager.pendingCount).toBe(0);
		for (const [i, docId] of docs.entries()) expect(await serverTasks(docId, owner)).toEqual([`Tâche hors ligne ${i}`]);

		// Restart: one document edited again offline; only that one connects.
		await editOffline(docs[1], 'Encore une');
		const second: string[] = [];
		const restarted = restartedManager(owner, db, second);
		const report = await restarted.syncAll();
		expect(report.pending).toBe(0);
		expect(second.filter((url) => docs.some((id) => url.endsWith(id)))).toEqual([`${relay.server.wsUrl}/sync/${docs[1]}`]);
		expect(await serverTasks(docs[1], owner)).toEqual(['Tâche hors ligne 1', 'Encore une']);

		// A third start: nothing pending, nothing connects.
		const third: string[] = [];
		await restartedManager(owner, db, third).syncAll();
		expect(third.filter((url) => docs.some((id) => url.endsWith(id)))).toEqual([]);
	});

	it('a deletion alone (the state vector does not move) is still sent', async () => {
		const { owner } = relay.members;
		const db = new KoheroDb(`kohero-${Math.random()}`);
		const docId = createInitiative(relay.server, owner);
		await editOffline(docId, 'À supprimer');
		const manager = restartedManager(owner, db, []);
		expect(await manager.syncDoc(docId)).toBe('acknowledged');

		const doc = new Y.Doc();
		const copy = openLocalCopy(localDbName(docId), doc);
		await copy.loaded;
		doc.getArray('tasks').delete(0, 1);
		await copy.written();
		copy.close();
		expect(await restartedManager(owner, db, []).syncDoc(docId)).toBe('acknowledged');
		expect(await serverTasks(docId, owner)).toEqual([]);
	});

	it('a document whose creation is in the outbox waits for it, then is sent', async () => {
		const { owner } = relay.members;
		const db = new KoheroDb(`kohero-${Math.random()}`);
		const docId = `init_${Math.random().toString(36).slice(2, 12)}`;
		await editOffline(docId, 'Dans une initiative créée hors ligne');
		const seq = await db.outbox.add({
			mutation: { kind: 'create', initiativeId: docId, body: { id: docId, title: 'x', summary: '', category: 'food', lat: 45, lng: 4, placeName: '' } },
			createdAt: Date.now(),
			state: 'pending',
			attempts: 0,
			nextAttemptAt: 0
		});
		const connections: string[] = [];
		const manager = restartedManager(owner, db, connections);
		const outcome = manager.syncDoc(docId);
		await new Promise((r) => setTimeout(r, 300));
		// Not connected while the creation waits (it would get 4404).
		expect(connections).toEqual([]);
		expect(manager.pendingCount).toBe(1);
		// The outbox's creation is accepted: the initiative now exists, the entry leaves.
		const { Client } = await import('../helpers/client');
		const api = new Client(relay.server.url);
		api.cookie = owner.cookie;
		const created = await api.post('/api/initiatives', { id: docId, title: 'Créée hors ligne', summary: '', category: 'food', lat: 45.76, lng: 4.83 });
		expect(created.status).toBe(201);
		await db.outbox.delete(seq);
		expect(await outcome).toBe('acknowledged');
		expect(await serverTasks(docId, owner)).toEqual(['Dans une initiative créée hors ligne']);
	});
});
