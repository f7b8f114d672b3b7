/**
 * Presence as relayed (API.md "Privacy" and "Integrity"): the relay writes
 * who is present from the session, members only, at most 4 client ids and
 * 8 kB of state per socket; beyond, the message is dropped, the socket stays.
 */
import { describe, expect, it } from 'vitest';
import { createInitiative, synced, useRelayServer, waitFor } from './helpers';
import { presenceFrame, rawClient } from './raw-client';

const relay = useRelayServer(['alice', 'bob', 'carol', 'dave']);
const { alice, bob, carol, dave } = relay.members;

type State = { user?: { id?: string; name?: string; color?: string }; mark?: number } | undefined;

/** Alice's stock client, bob (member) and carol (not a member) on raw sockets. */
async function scene() {
	const docId = createInitiative(relay.server, alice, [bob, dave]);
	const a = relay.client(docId, alice);
	await synced(a);
	const b = await rawClient(relay.server.wsUrl, docId, bob.cookie);
	const c = await rawClient(relay.server.wsUrl, docId, carol.cookie);
	await Promise.all([b.synced(), c.synced()]);
	const stateAt = (clientId: number) => a.provider.awareness.getStates().get(clientId) as State;
	/** Bob announces `mark` on client 7000: once alice sees it, the relay handled all bob sent before. */
	let clock = 1;
	const fence = async () => {
		const mark = Math.random();
		b.ws.send(presenceFrame([{ clientId: 7000, clock: clock++, state: { mark } }]));
		await waitFor(() => stateAt(7000)?.mark === mark, 'bob’s fence presence');
	};
	return { docId, a, b, c, stateAt, fence };
}

describe('presence', () => {
	it('bob announcing himself as alice shows as bob, with his id and session name', async () => {
		const { b, stateAt, fence } = await scene();
		b.ws.send(presenceFrame([{ clientId: 4242, clock: 1, state: { user: { id: alice.id, name: 'alice', color: '#112233' } } }]));
		await waitFor(() => stateAt(4242) !== undefined, 'bob’s presence');
		expect(stateAt(4242)?.user).toEqual({ id: bob.id, name: 'Camille', color: '#112233' });
		await fence();
	});

	it('a 5th client id and 9 kB of state are dropped, the socket stays open and its next presence passes', async () => {
		const { b, stateAt, fence } = await scene();
		await fence(); // client 7000 is bob's first
		b.ws.send(presenceFrame([1, 2, 3, 4].map((clientId) => ({ clientId, clock: 1, state: { n: clientId } }))));
		b.ws.send(presenceFrame([{ clientId: 9, clock: 1, state: { big: 'x'.repeat(9 * 1024) } }]));
		await fence();
		for (const id of [1, 2, 3, 4, 9]) expect(stateAt(id)).toBeUndefined();
		expect(b.ws.readyState).toBe(b.ws.OPEN);
		b.ws.send(presenceFrame([1, 2, 3].map((clientId) => ({ clientId, clock: 1, state: { n: clientId } }))));
		await waitFor(() => [1, 2, 3].every((id) => stateAt(id) !== undefined), 'three more ids (4 in all) pass');
	});

	it('a non-member’s presence is not relayed; a member’s is', async () => {
		const { c, stateAt, fence } = await scene();
		c.ws.send(presenceFrame([{ clientId: 5151, clock: 1, state: { user: { name: 'intrus' } } }]));
		// Once carol's round trip is answered her frame was handled; bob's fence then reaches alice after it.
		await c.roundTrip();
		await fence();
		expect(stateAt(5151)).toBeUndefined();
	});

	it('bob cannot take over alice’s client id', async () => {
		const { docId, a, b, fence } = await scene();
		const d = relay.client(docId, dave);
		await synced(d);
		a.provider.awareness.setLocalStateField('user', { name: 'x' });
		const id = a.doc.clientID;
		const seenByDave = () => d.provider.awareness.getStates().get(id) as State;
		await waitFor(() => seenByDave() !== undefined, 'alice’s presence at dave');
		b.ws.send(presenceFrame([{ clientId: id, clock: 999, state: { mark: -1 } }]));
		await fence();
		await waitFor(() => d.provider.awareness.getStates().has(7000), 'bob’s fence at dave');
		expect(seenByDave()?.mark).toBeUndefined();
		expect(seenByDave()?.user?.id).toBe(alice.id);
	});
});
