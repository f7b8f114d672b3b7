/** Two or more stock WebsocketProvider clients converge through the relay. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createInitiative, say, synced, texts, useRelayServer, waitFor, withDb } from './helpers';

const relay = useRelayServer(['alice', 'bob']);
const { alice, bob } = relay.members;
const client = relay.client;

describe('relay sync', () => {
	it('converges notes, tasks, messages and ideas between two members', async () => {
		const docId = createInitiative(relay.server, alice, [bob]);
		withDb(relay.server.dataDir, (db) => db.prepare('UPDATE initiatives SET last_activity_at = 1 WHERE id = ?').run(docId));
		const a = client(docId, alice);
		const b = client(docId, bob);
		await Promise.all([synced(a), synced(b)]);

		const heading = new Y.XmlElement('heading');
		heading.insert(0, [new Y.XmlText('Réunion de quartier')]);
		a.doc.getXmlFragment('notes').insert(0, [heading]);
		const task = new Y.Map<unknown>();
		task.set('id', 't1');
		task.set('title', 'Acheter des graines');
		task.set('done', false);
		task.set('createdBy', alice.id);
		task.set('createdAt', new Date().toISOString());
		a.doc.getArray('tasks').push([task]);
		say(b.doc, bob.id, 'Bonjour !');
		const idea = new Y.Map<unknown>();
		idea.set('id', 'i1');
		idea.set('authorId', bob.id);
		idea.set('text', 'Un compost collectif');
		idea.set('createdAt', new Date().toISOString());
		idea.set('votes', new Y.Map<boolean>());
		b.doc.getArray('ideas').push([idea]);

		await waitFor(() => b.doc.getXmlFragment('notes').toString().includes('Réunion de quartier'), 'notes at bob');
		await waitFor(() => b.doc.getArray('tasks').length === 1, 'task at bob');
		await waitFor(() => texts(a.doc).includes('Bonjour !'), 'message at alice');
		await waitFor(() => a.doc.getArray('ideas').length === 1, 'idea at alice');

		// A vote on bob's idea from alice lands in bob's nested map.
		(a.doc.getArray<Y.Map<unknown>>('ideas').get(0).get('votes') as Y.Map<boolean>).set(alice.id, true);
		await waitFor(
			() => (b.doc.getArray<Y.Map<unknown>>('ideas').get(0).get('votes') as Y.Map<boolean>).get(alice.id) === true,
			'vote at bob'
		);
		expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
		expect(a.doc.getXmlFragment('notes').toJSON()).toEqual(b.doc.getXmlFragment('notes').toJSON());
		// The feed sorts by last activity: the relay moved it forward.
		const activity = withDb(relay.server.dataDir, (db) =>
			db.prepare('SELECT last_activity_at AS at FROM initiatives WHERE id = ?').get(docId)
		) as { at: number };
		expect(activity.at).toBeGreaterThan(1);
	});

	it('a client that edited offline converges on reconnect', async () => {
		const docId = createInitiative(relay.server, alice, [bob]);
		const a = client(docId, alice);
		const b = client(docId, bob);
		await Promise.all([synced(a), synced(b)]);
		say(a.doc, alice.id, 'avant');
		await waitFor(() => texts(b.doc).includes('avant'), 'first message at bob');

		a.provider.disconnect();
		say(a.doc, alice.id, 'hors ligne 1');
		a.doc.getArray<Y.Map<unknown>>('messages').delete(0, 1);
		say(b.doc, bob.id, 'pendant ce temps');
		await waitFor(() => texts(b.doc).includes('pendant ce temps'), 'bob own edit');
		expect(texts(b.doc)).not.toContain('hors ligne 1');

		a.provider.connect();
		await waitFor(() => texts(b.doc).includes('hors ligne 1'), 'offline edit at bob');
		await waitFor(() => texts(a.doc).includes('pendant ce temps'), 'bob edit at alice');
		expect(texts(b.doc)).not.toContain('avant');
		expect(texts(a.doc)).toEqual(texts(b.doc));
	});

	it('a third client joining late gets the whole document', async () => {
		const docId = createInitiative(relay.server, alice, [bob]);
		const a = client(docId, alice);
		await synced(a);
		for (let i = 0; i < 20; i++) say(a.doc, alice.id, `m${i}`);
		const b = client(docId, bob);
		await waitFor(() => texts(b.doc).length === 20, 'late joiner has every message');
		expect(texts(b.doc)).toEqual(texts(a.doc));
	});
});
