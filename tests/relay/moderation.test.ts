/**
 * Moderation through the relay: a message removed by the server leaves every
 * connected client and a client that comes back later, and is gone from the
 * stored document after compaction; suspension and removal end write access at once.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Client } from '../helpers/client';
import { closeCodeOf, closed, connectClient, createInitiative, rawSocket, storedDoc, synced, useRelayServer, waitFor, withDb, type Member, type SyncClient } from './helpers';

const relay = useRelayServer(['owner', 'author', 'reader', 'late', 'r1', 'r2', 'moderator'], {
	env: { MODERATION_HIDE_THRESHOLD: '2', MODERATION_MIN_ACCOUNT_AGE_HOURS: '0' }
});
const m = relay.members;

function api(member: Member): Client {
	const c = new Client(relay.server.url);
	c.cookie = member.cookie;
	return c;
}

/** Posts a message with a known id, as the document shape says. */
function post(client: SyncClient, authorId: string, id: string, text: string): void {
	const entry = new Y.Map<unknown>();
	entry.set('id', id);
	entry.set('authorId', authorId);
	entry.set('text', text);
	entry.set('createdAt', Date.now());
	client.doc.getArray<Y.Map<unknown>>('messages').push([entry]);
}

const hasText = (doc: Y.Doc, text: string) =>
	doc.getArray<Y.Map<unknown>>('messages').toArray().some((item) => item.get('text') === text);

function storedBytes(docId: string): { log: number; snapshot: Buffer | null } {
	return withDb(relay.server.dataDir, (sqlite) => ({
		log: (sqlite.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(docId) as { n: number }).n,
		snapshot: (sqlite.prepare('SELECT state FROM doc_snapshots WHERE doc_id = ?').get(docId) as { state: Buffer } | undefined)?.state ?? null
	}));
}

describe('removal of a message by the server', () => {
	it('disappears from two connected clients and from a third that reconnects later; after compaction the stored document no longer holds it', async () => {
		const docId = createInitiative(relay.server, m.owner, [m.author, m.reader, m.late]);
		const text = 'Achetez des montres pas chères sur spam.example';
		const author = relay.client(docId, m.author);
		const reader = relay.client(docId, m.reader);
		await Promise.all([synced(author), synced(reader)]);
		post(author, m.author.id, 'msg-spam-0001', text);
		await waitFor(() => hasText(reader.doc, text), 'reader receives the message');

		// The late client saw it, then went away.
		const lateDoc = new Y.Doc();
		const late = connectClient(relay.server.wsUrl, docId, m.late.cookie, lateDoc);
		await synced(late);
		await waitFor(() => hasText(lateDoc, text), 'late client receives the message');
		late.provider.disconnect();

		const removed = await api(m.owner).post(`/api/initiatives/${docId}/content/remove`, {
			targetType: 'message',
			targetId: 'msg-spam-0001',
			statement: 'Publicité sans rapport avec le jardin.'
		});
		expect(removed.status).toBe(200);
		await waitFor(() => !hasText(author.doc, text) && !hasText(reader.doc, text), 'both connected clients lose the message');
		expect(hasText(lateDoc, text)).toBe(true);
		late.provider.connect();
		await waitFor(() => !hasText(lateDoc, text), 'the late client loses it once it syncs');

		// Everyone leaves: the relay unloads the document and compacts its log.
		for (const c of [author, reader, late]) c.provider.disconnect();
		await waitFor(() => storedBytes(docId).log === 0, 'the log is compacted into the snapshot', 20_000);
		const { snapshot } = storedBytes(docId);
		expect(snapshot).not.toBeNull();
		expect(snapshot!.includes(Buffer.from('montres pas chères'))).toBe(false);
		const decoded = storedDoc(relay.server.dataDir, docId);
		expect(hasText(decoded, text)).toBe(false);
		for (const c of [author, reader, late]) c.destroy();
	});

	it('a message reported by the threshold is removed from the live document; its text stays in the report', async () => {
		const docId = createInitiative(relay.server, m.owner, [m.author]);
		const text = 'Message insultant à retirer';
		const author = relay.client(docId, m.author);
		const owner = relay.client(docId, m.owner);
		await Promise.all([synced(author), synced(owner)]);
		post(author, m.author.id, 'msg-rude-0001', text);
		await waitFor(() => hasText(owner.doc, text), 'owner receives the message');
		const body = { targetType: 'message', targetId: 'msg-rude-0001', initiativeId: docId, reason: 'offensive' };
		expect((await api(m.r1).post('/api/reports', body)).status).toBe(201);
		expect(hasText(owner.doc, text)).toBe(true);
		expect((await api(m.r2).post('/api/reports', body)).status).toBe(201);
		await waitFor(() => !hasText(owner.doc, text) && !hasText(author.doc, text), 'the threshold removes it everywhere');

		withDb(relay.server.dataDir, (sqlite) => sqlite.prepare('INSERT OR IGNORE INTO moderators (user_id, granted_at) VALUES (?, ?)').run(m.moderator.id, Date.now()));
		const queue = await api(m.moderator).get('/api/moderation/reports?status=open');
		const group = queue.body.items.find((g: { target: { id: string } }) => g.target.id === 'msg-rude-0001');
		expect(group).toMatchObject({ count: 2, target: { text, hidden: true }, author: { id: m.author.id } });
		// The owner sees the report and its text, not who reported.
		const ownerQueue = await api(m.owner).get('/api/moderation/reports?status=open');
		expect(ownerQueue.text).toContain(text);
		expect(ownerQueue.text).not.toContain(m.r1.id);
		expect(ownerQueue.text).not.toContain(m.r2.id);

		// Restored by a moderator: it comes back to the connected clients.
		const restored = await api(m.moderator).post(`/api/moderation/reports/${group.id}/decision`, { action: 'restore', statement: 'Propos vifs mais pas insultants.' });
		expect(restored.status).toBe(200);
		await waitFor(() => hasText(owner.doc, text), 'the restored message comes back');
	});
});

describe('write access ends at once', () => {
	it('a suspended person’s sockets close with 4401 and nothing they send is stored', async () => {
		const suspended = await (async () => {
			const c = new Client(relay.server.url);
			const user = await c.signup();
			return { id: user.id, cookie: c.cookie };
		})();
		const docId = createInitiative(relay.server, m.owner, [suspended]);
		const ws = await rawSocket(relay.server.wsUrl, docId, suspended.cookie);
		const code = closed(ws);
		withDb(relay.server.dataDir, (sqlite) => sqlite.prepare('INSERT OR IGNORE INTO moderators (user_id, granted_at) VALUES (?, ?)').run(m.moderator.id, Date.now()));
		const filed = await api(m.r1).post('/api/reports', { targetType: 'user', targetId: suspended.id, reason: 'spam' });
		const decided = await api(m.moderator).post(`/api/moderation/reports/${filed.body.report.id}/decision`, { action: 'suspend_author', statement: 'Comptes de spam en série.' });
		expect(decided.status).toBe(200);
		expect(await code).toBe(4401);
		const retry = await rawSocket(relay.server.wsUrl, docId, suspended.cookie).catch(() => null);
		if (retry) expect(await closed(retry)).toBe(4401);
	});

	it('a removed member’s writes are refused at once', async () => {
		const docId = createInitiative(relay.server, m.owner, [m.author]);
		const author = relay.client(docId, m.author);
		const owner = relay.client(docId, m.owner);
		await Promise.all([synced(author), synced(owner)]);
		post(author, m.author.id, 'msg-before-0001', 'avant');
		await waitFor(() => hasText(owner.doc, 'avant'), 'owner receives the first message');
		expect((await api(m.owner).post(`/api/initiatives/${docId}/members/${m.author.id}/remove`)).status).toBe(200);
		post(author, m.author.id, 'msg-after-0001', 'après le retrait');
		// Reconnecting sends the whole local state again; once that sync is answered, the relay has
		// handled every frame of both connections (a socket's frames are read before its close).
		author.provider.disconnect();
		author.provider.connect();
		await synced(author);
		post(owner, m.owner.id, 'msg-marker-0001', 'repère');
		await waitFor(() => hasText(storedDoc(relay.server.dataDir, docId), 'repère'), 'the owner’s marker is stored');
		expect(hasText(storedDoc(relay.server.dataDir, docId), 'après le retrait')).toBe(false);
		expect(hasText(owner.doc, 'après le retrait')).toBe(false);
	});
});

describe('hidden initiatives', () => {
	it('their document is unknown (4404) to all but their owners/admins', async () => {
		const docId = createInitiative(relay.server, m.owner, [m.author]);
		withDb(relay.server.dataDir, (sqlite) => sqlite.prepare('UPDATE initiatives SET hidden = 1 WHERE id = ?').run(docId));
		expect(await closeCodeOf(relay.server.wsUrl, docId, m.reader.cookie)).toBe(4404);
		expect(await closeCodeOf(relay.server.wsUrl, docId, m.author.cookie)).toBe(4404);
		const owner = relay.client(docId, m.owner);
		await synced(owner);
	});
});
