import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChecked, wasCompensated, type CheckedWriter } from './apply-checked';

const alice: CheckedWriter = { userId: 'alice', role: 'member' };
const bob: CheckedWriter = { userId: 'bob', role: 'member' };
const owner: CheckedWriter = { userId: 'olga', role: 'owner' };

function entry(fields: Record<string, unknown>): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(fields)) map.set(key, value);
	return map;
}

/** A relay doc with one message by alice and one idea by alice voted by alice, and a client copy. */
function setup(): { relay: Y.Doc; client: Y.Doc } {
	const relay = new Y.Doc();
	relay.transact(() => {
		relay.getArray('messages').push([entry({ id: 'm1', authorId: 'alice', text: 'bonjour', createdAt: 1 })]);
		const votes = new Y.Map<unknown>();
		votes.set('alice', true);
		relay.getArray('ideas').push([entry({ id: 'i1', authorId: 'alice', text: 'un four', createdAt: 2, votes })]);
		relay.getArray('tasks').push([entry({ id: 't1', title: 'arroser', done: false, createdBy: 'alice' })]);
	});
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(relay));
	return { relay, client };
}

/** Sends what `act` does on the client through applyChecked; returns the relay's resulting update, applied back to the client. */
function send(relay: Y.Doc, client: Y.Doc, writer: CheckedWriter, act: (doc: Y.Doc) => void): { refused: number; echoed: boolean } {
	const before = Y.encodeStateVector(client);
	act(client);
	const update = Y.encodeStateAsUpdate(client, before);
	let echoed = false;
	const outgoing: Uint8Array[] = [];
	const onUpdate = (u: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => {
		outgoing.push(u);
		echoed ||= wasCompensated(tr);
	};
	relay.on('update', onUpdate);
	const refused = applyChecked(relay, 'initiative', update, writer);
	relay.off('update', onUpdate);
	for (const u of outgoing) Y.applyUpdate(client, u);
	return { refused, echoed };
}

const msgs = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('messages').toJSON() as Record<string, unknown>[];
const idea = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('ideas').get(0);
const votesOf = (doc: Y.Doc) => (idea(doc).get('votes') as Y.Map<unknown>).toJSON();

describe('applyChecked', () => {
	it.each<{ name: string; writer: CheckedWriter; act: (doc: Y.Doc) => void; ok: boolean; check: (doc: Y.Doc) => void }>([
		{
			name: 'post under my name', writer: bob, ok: true,
			act: (d) => d.getArray('messages').push([entry({ id: 'm2', authorId: 'bob', text: 'salut' })]),
			check: (d) => expect(msgs(d).map((m) => m.authorId)).toEqual(['alice', 'bob'])
		},
		{
			name: "post under alice's name", writer: bob, ok: false,
			act: (d) => d.getArray('messages').push([entry({ id: 'm2', authorId: 'alice', text: 'faux' })]),
			check: (d) => expect(msgs(d).map((m) => m.text)).toEqual(['bonjour'])
		},
		{
			name: "rewrite alice's message", writer: bob, ok: false,
			act: (d) => d.getArray<Y.Map<unknown>>('messages').get(0).set('text', 'réécrit'),
			check: (d) => expect(msgs(d)[0].text).toBe('bonjour')
		},
		{
			name: 'author edits own message', writer: alice, ok: true,
			act: (d) => d.getArray<Y.Map<unknown>>('messages').get(0).set('text', 'corrigé'),
			check: (d) => expect(msgs(d)[0].text).toBe('corrigé')
		},
		{
			name: 'author gives the message away', writer: alice, ok: false,
			act: (d) => d.getArray<Y.Map<unknown>>('messages').get(0).set('authorId', 'bob'),
			check: (d) => expect(msgs(d)[0].authorId).toBe('alice')
		},
		{
			name: "delete alice's message", writer: bob, ok: false,
			act: (d) => d.getArray('messages').delete(0, 1),
			check: (d) => expect(msgs(d)).toEqual([{ id: 'm1', authorId: 'alice', text: 'bonjour', createdAt: 1 }])
		},
		{
			name: "owner deletes alice's message", writer: owner, ok: true,
			act: (d) => d.getArray('messages').delete(0, 1),
			check: (d) => expect(msgs(d)).toEqual([])
		},
		{
			name: 'wipe everything', writer: bob, ok: false,
			act: (d) => {
				d.getArray('messages').delete(0, 1);
				d.getArray('ideas').delete(0, 1);
			},
			check: (d) => {
				expect(msgs(d)).toHaveLength(1);
				expect(votesOf(d)).toEqual({ alice: true });
			}
		},
		{
			name: 'vote for myself', writer: bob, ok: true,
			act: (d) => (idea(d).get('votes') as Y.Map<unknown>).set('bob', true),
			check: (d) => expect(votesOf(d)).toEqual({ alice: true, bob: true })
		},
		{
			name: "remove alice's vote and add 300 voters", writer: bob, ok: false,
			act: (d) => {
				const votes = idea(d).get('votes') as Y.Map<unknown>;
				votes.delete('alice');
				for (let i = 0; i < 300; i++) votes.set(`fake${i}`, true);
			},
			check: (d) => expect(votesOf(d)).toEqual({ alice: true })
		},
		{
			name: 'replace the votes map', writer: alice, ok: false,
			act: (d) => idea(d).set('votes', new Y.Map()),
			check: (d) => expect(votesOf(d)).toEqual({ alice: true })
		},
		{
			name: 'member edits any task', writer: bob, ok: true,
			act: (d) => d.getArray<Y.Map<unknown>>('tasks').get(0).set('done', true),
			check: (d) => expect(d.getArray<Y.Map<unknown>>('tasks').get(0).get('done')).toBe(true)
		},
		{
			name: 'junk root', writer: owner, ok: false,
			act: (d) => d.getText('junk').insert(0, 'x'.repeat(1000)),
			check: (d) => expect(d.getText('junk').toString()).toBe('')
		},
		{
			name: 'keyed junk in a list root', writer: bob, ok: false,
			act: (d) => d.getMap('tasks').set('x', 'y'.repeat(100)),
			check: (d) => expect(d.share.get('tasks')?._map.get('x')?.deleted ?? true).toBe(true)
		}
	])('$name', ({ writer, act, ok, check }) => {
		const { relay, client } = setup();
		const { refused, echoed } = send(relay, client, writer, act);
		expect(refused > 0).toBe(!ok);
		expect(echoed).toBe(!ok);
		check(relay);
		check(client);
		expect(Y.encodeStateVector(client)).toEqual(Y.encodeStateVector(relay));
	});
});
