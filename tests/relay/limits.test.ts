/** Faults stay with their socket: malformed and oversized frames, vanished peers. */
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
	closed, createInitiative, rawSocket, say, synced, texts, useRelayServer, waitFor, type SyncClient
} from './helpers';

const relay = useRelayServer(['alice', 'bob'], {
	// A 256 KiB document limit stands in for API.md's 20 MiB, to reach it quickly.
	env: { KOHERO_MAX_DOC_BYTES: String(256 * 1024) }
});
const { alice, bob } = relay.members;
const client = relay.client;

/** Checks that two providers still sync both ways. */
async function stillSyncing(a: SyncClient, b: SyncClient, tag: string): Promise<void> {
	say(a.doc, alice.id, `${tag}-a`);
	say(b.doc, bob.id, `${tag}-b`);
	await waitFor(() => texts(b.doc).includes(`${tag}-a`) && texts(a.doc).includes(`${tag}-b`), 'sync after fault');
}

/** A new document with a synced client for alice and for bob. */
async function alicesAndBobsDoc(): Promise<{ docId: string; a: SyncClient; b: SyncClient }> {
	const docId = createInitiative(relay.server, alice, [bob]);
	const a = client(docId, alice);
	const b = client(docId, bob);
	await Promise.all([synced(a), synced(b)]);
	return { docId, a, b };
}

describe('relay limits and faults', () => {
	it('a malformed message closes only its socket', async () => {
		const { docId, a, b } = await alicesAndBobsDoc();

		const garbage = [
			Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), // huge varuint type
			Uint8Array.from([0, 2, 200]), // update whose length runs past the frame
			Uint8Array.from([]), // empty frame
			Uint8Array.from([9, 1, 2]) // unknown message type
		];
		for (const frame of garbage) {
			const bad = await rawSocket(relay.server.wsUrl, docId, alice.cookie);
			const code = closed(bad);
			bad.send(frame);
			expect(await code).toBe(1007);
		}
		const text = await rawSocket(relay.server.wsUrl, docId, alice.cookie);
		const textCode = closed(text);
		text.send('bonjour');
		expect(await textCode).toBe(1007);

		await stillSyncing(a, b, 'malformed');
	});

	it('a frame over 1 MiB closes its socket with 1009, others keep syncing', async () => {
		const { docId, a, b } = await alicesAndBobsDoc();

		const big = await rawSocket(relay.server.wsUrl, docId, alice.cookie);
		const code = closed(big);
		big.send(new Uint8Array(1024 * 1024 + 16));
		expect(await code).toBe(1009);
		await stillSyncing(a, b, 'oversized');
	});

	it('a writer growing the document past its limit is closed with 1009, others unaffected', async () => {
		const { docId, a, b } = await alicesAndBobsDoc();

		const big = await rawSocket(relay.server.wsUrl, docId, alice.cookie);
		const code = closed(big);
		const bigDoc = new Y.Doc();
		bigDoc.on('update', (update: Uint8Array) => {
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, 0);
			encoding.writeVarUint(encoder, 2);
			encoding.writeVarUint8Array(encoder, update);
			if (big.readyState === big.OPEN) big.send(encoding.toUint8Array(encoder));
		});
		for (let i = 0; i < 10; i++) bigDoc.getText('notes').insert(0, 'x'.repeat(40 * 1024));
		expect(await code).toBe(1009);
		await stillSyncing(a, b, 'doc-limit');
		expect(b.doc.getText('notes').length).toBeLessThanOrEqual(256 * 1024);
		bigDoc.destroy();
	});

	it("a closed socket's presence is removed at once, not after the 30 s timeout", async () => {
		const docId = createInitiative(relay.server, alice, [bob]);
		const b = client(docId, bob);
		await synced(b);

		// A raw peer announces a cursor, then its socket drops without saying goodbye.
		const ghostDoc = new Y.Doc();
		const ghost = new awarenessProtocol.Awareness(ghostDoc);
		ghost.setLocalState({ user: { name: 'Camille', color: '#e63946' } });
		const ws = await rawSocket(relay.server.wsUrl, docId, alice.cookie);
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 1);
		encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(ghost, [ghostDoc.clientID]));
		ws.send(encoding.toUint8Array(encoder));
		await waitFor(() => b.provider.awareness.getStates().has(ghostDoc.clientID), 'ghost cursor at bob');

		ws.terminate();
		// API.md promises 1 s.
		await waitFor(() => !b.provider.awareness.getStates().has(ghostDoc.clientID), 'ghost cursor removed', 1_000);
		ghost.destroy();
		ghostDoc.destroy();
	});
});
