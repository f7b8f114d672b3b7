/**
 * What carries a person's name is theirs (API.md "Integrity of shared
 * documents"): a raw-socket client playing bob tries each forgery against
 * alice's entries; the relay undoes it so that alice never sees it done and
 * bob's own copy converges without it, on a socket that stays open. Each rule
 * has its control: the legitimate act still goes through.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createInitiative, say, synced, texts, useRelayServer, waitFor, type SyncClient } from './helpers';
import { rawClient, syncFrame, type RawClient } from './raw-client';

const relay = useRelayServer(['olga', 'alice', 'bob']);
const { olga, alice, bob } = relay.members;

function addIdea(doc: Y.Doc, authorId: string, text: string, voters: string[]): void {
	const idea = new Y.Map<unknown>();
	const votes = new Y.Map<unknown>();
	for (const voter of voters) votes.set(voter, true);
	idea.set('id', `idea-${Math.random().toString(36).slice(2)}`);
	idea.set('authorId', authorId);
	idea.set('text', text);
	idea.set('createdAt', new Date().toISOString());
	idea.set('votes', votes);
	doc.getArray<Y.Map<unknown>>('ideas').push([idea]);
}

const messages = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('messages');
const firstIdea = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('ideas').get(0);
const votesOf = (doc: Y.Doc) => ((firstIdea(doc)?.get('votes') as Y.Map<unknown> | undefined)?.toJSON() ?? {}) as Record<string, unknown>;

interface Scene {
	docId: string;
	/** Alice's and the owner's stock clients. */
	a: SyncClient;
	o: SyncClient;
	/** Bob's raw client. */
	bad: RawClient;
	/** Whether alice's copy ever showed a state matching `seen` (checked after every transaction). */
	watch(seen: (doc: Y.Doc) => boolean): () => boolean;
	/** Bob posts a message of his own; resolves once alice and bob's copy have it (the relay handled all before). */
	fence(tag: string): Promise<void>;
}

/** Alice's message "bonjour" and idea "un four" (voted by alice), and bob on a raw socket. */
async function scene(): Promise<Scene> {
	const docId = createInitiative(relay.server, olga, [alice, bob]);
	const a = relay.client(docId, alice);
	const o = relay.client(docId, olga);
	await Promise.all([synced(a), synced(o)]);
	a.doc.transact(() => {
		say(a.doc, alice.id, 'bonjour');
		addIdea(a.doc, alice.id, 'un four', [alice.id]);
	});
	await waitFor(() => texts(o.doc).includes('bonjour') && votesOf(o.doc)[alice.id] === true, 'owner has alice’s entries');
	const bad = await rawClient(relay.server.wsUrl, docId, bob.cookie);
	await bad.synced();
	await waitFor(() => texts(bad.doc).includes('bonjour') && votesOf(bad.doc)[alice.id] === true, 'bob has alice’s entries');
	return {
		docId,
		a,
		o,
		bad,
		watch(seen) {
			let ever = seen(a.doc);
			a.doc.on('afterTransaction', () => (ever ||= seen(a.doc)));
			return () => ever;
		},
		async fence(tag) {
			bad.edit((d) => say(d, bob.id, tag));
			await waitFor(() => texts(a.doc).includes(tag) && texts(bad.doc).includes(tag), `fence ${tag}`);
		}
	};
}

/** After an attack: alice never saw it, bob's copy converged with hers, and bob's socket is open. */
async function undone(s: Scene, ever: () => boolean, valid: (doc: Y.Doc) => boolean): Promise<void> {
	await s.fence(`fence-${Math.random()}`);
	await waitFor(() => valid(s.bad.doc) && valid(s.a.doc), 'both copies back to the valid state');
	expect(ever()).toBe(false);
	expect(s.bad.ws.readyState).toBe(s.bad.ws.OPEN);
	expect(messages(s.bad.doc).toJSON()).toEqual(messages(s.a.doc).toJSON());
	expect(s.bad.doc.getArray('ideas').toJSON()).toEqual(s.a.doc.getArray('ideas').toJSON());
}

describe('authorship enforced by the relay', () => {
	it('a message posted under alice’s name is undone everywhere (the forger’s copy too); bob posts under his own', async () => {
		const s = await scene();
		const ever = s.watch((d) => texts(d).includes('signé alice'));
		s.bad.edit((d) => say(d, alice.id, 'signé alice'));
		await undone(s, ever, (d) => !texts(d).includes('signé alice'));

		s.bad.edit((d) => say(d, bob.id, 'signé bob'));
		await waitFor(() => texts(s.a.doc).includes('signé bob'), 'bob’s own message reaches alice');
	});

	it('rewriting alice’s message is undone; alice edits her own', async () => {
		const s = await scene();
		const ever = s.watch((d) => messages(d).get(0)?.get('text') !== 'bonjour');
		s.bad.edit((d) => messages(d).get(0).set('text', 'réécrit par bob'));
		s.bad.edit((d) => messages(d).get(0).set('authorId', bob.id));
		await undone(s, ever, (d) => messages(d).get(0).get('text') === 'bonjour' && messages(d).get(0).get('authorId') === alice.id);

		messages(s.a.doc).get(0).set('text', 'bonjour à tous');
		await waitFor(() => messages(s.bad.doc).get(0).get('text') === 'bonjour à tous', 'alice’s edit reaches bob');
	});

	it('deleting alice’s message puts it back; the owner deletes it', async () => {
		const s = await scene();
		const ever = s.watch((d) => !texts(d).includes('bonjour'));
		s.bad.edit((d) => messages(d).delete(0, 1));
		await undone(s, ever, (d) => texts(d)[0] === 'bonjour');

		messages(s.o.doc).delete(0, 1);
		await waitFor(() => !texts(s.a.doc).includes('bonjour') && !texts(s.bad.doc).includes('bonjour'), 'owner’s deletion everywhere');
	});

	it('removing alice’s vote and adding 300 fake voters is undone; bob votes for himself', async () => {
		const s = await scene();
		const ever = s.watch((d) => Object.keys(votesOf(d)).length !== 1);
		s.bad.edit((d) => {
			const votes = firstIdea(d).get('votes') as Y.Map<unknown>;
			votes.delete(alice.id);
			for (let i = 0; i < 300; i++) votes.set(`faux-${i}`, true);
		});
		await undone(s, ever, (d) => JSON.stringify(votesOf(d)) === JSON.stringify({ [alice.id]: true }));

		s.bad.edit((d) => (firstIdea(d).get('votes') as Y.Map<unknown>).set(bob.id, true));
		await waitFor(() => votesOf(s.a.doc)[bob.id] === true, 'bob’s own vote reaches alice');
		expect(Object.keys(votesOf(s.a.doc)).sort()).toEqual([alice.id, bob.id].sort());
	});

	it('wiping messages and ideas at once brings them back; notes and tasks stay open to every member', async () => {
		const s = await scene();
		s.a.doc.getArray<Y.Map<unknown>>('tasks').push([new Y.Map<unknown>([['id', 't1'], ['title', 'arroser'], ['done', false], ['createdBy', alice.id]])]);
		await waitFor(() => s.bad.doc.getArray('tasks').length === 1, 'task reaches bob');
		const ever = s.watch((d) => texts(d).length === 0 || d.getArray('ideas').length === 0);
		s.bad.edit((d) => {
			messages(d).delete(0, messages(d).length);
			d.getArray('ideas').delete(0, 1);
		});
		await undone(s, ever, (d) => texts(d)[0] === 'bonjour' && firstIdea(d)?.get('text') === 'un four');

		// Control: any member edits any task (the owner's history is the remedy for notes and tasks).
		s.bad.edit((d) => d.getArray<Y.Map<unknown>>('tasks').get(0).set('done', true));
		await waitFor(() => s.a.doc.getArray<Y.Map<unknown>>('tasks').get(0).get('done') === true, 'bob’s task edit reaches alice');
	});

	it('content under a root outside the shape is refused, and stored nowhere', async () => {
		const s = await scene();
		s.bad.edit((d) => d.getText('junk').insert(0, 'x'.repeat(200 * 1024)));
		// Keyed content in a list root (invisible to the app) is refused the same way.
		const other = new Y.Doc();
		other.getMap('messages').set('cache', 'y'.repeat(1024));
		s.bad.ws.send(syncFrame(2, Y.encodeStateAsUpdate(other)));
		await undone(s, () => false, (d) => d.getText('junk').length === 0);
		expect(s.a.doc.getText('junk').length).toBe(0);
		// A fresh client gets a document without the junk: well under its 200 kB.
		const fresh = relay.client(s.docId, alice);
		await synced(fresh);
		expect(fresh.doc.getText('junk').length).toBe(0);
		expect(Y.encodeStateAsUpdate(s.a.doc).byteLength).toBeLessThan(50 * 1024);
	});
});
