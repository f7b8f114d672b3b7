/**
 * A person's presence disappears with their socket: within 1 s of a clean
 * close, and within 15 s when the socket goes half-open (it stops answering
 * pings, as a phone that lost its network does). The relay runs with its
 * production heartbeat (no KOHERO_PING_MS).
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { createInitiative, synced, useRelayServer, waitFor, type SyncClient } from './helpers';

const relay = useRelayServer(['alice', 'bob']);
const { alice, bob } = relay.members;

/** Opens a raw socket for alice that shows a cursor; `answerPings: false` makes it half-open from the start. */
async function cursorSocket(docId: string, answerPings: boolean): Promise<{ ws: WebSocket; clientId: number }> {
	const ws = new WebSocket(`${relay.server.wsUrl}/sync/${docId}`, { headers: { cookie: alice.cookie }, autoPong: answerPings });
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	const doc = new Y.Doc();
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalState({ user: { name: 'Alice', color: '#e63946' } });
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
	ws.send(encoding.toUint8Array(encoder));
	// The relay forgets it by itself; stop the local timer that would renew it.
	awareness.destroy();
	return { ws, clientId: doc.clientID };
}

async function watcher(docId: string): Promise<SyncClient> {
	const b = relay.client(docId, bob);
	await synced(b);
	return b;
}

describe('presence removal', () => {
	it('is under 1 s after a clean close', async () => {
		const docId = createInitiative(relay.server, alice, [bob]);
		const b = await watcher(docId);
		const { ws, clientId } = await cursorSocket(docId, true);
		await waitFor(() => b.provider.awareness.getStates().has(clientId), 'cursor shown');
		const closedAt = Date.now();
		ws.close();
		await waitFor(() => !b.provider.awareness.getStates().has(clientId), 'cursor removed', 5_000);
		console.log(`presence removed ${Date.now() - closedAt} ms after a clean close`);
		expect(Date.now() - closedAt).toBeLessThan(1000);
	});

	it('is under 15 s for a socket that stops answering pings', async () => {
		const docId = createInitiative(relay.server, alice, [bob]);
		const b = await watcher(docId);
		const { ws, clientId } = await cursorSocket(docId, false);
		await waitFor(() => b.provider.awareness.getStates().has(clientId), 'cursor shown');
		const silentSince = Date.now();
		const closedByServer = new Promise<void>((resolve) => ws.once('close', () => resolve()));
		await waitFor(() => !b.provider.awareness.getStates().has(clientId), 'half-open cursor removed', 20_000);
		console.log(`half-open presence removed ${Date.now() - silentSince} ms after it went silent`);
		expect(Date.now() - silentSince).toBeLessThan(15_000);
		await closedByServer;
	}, 30_000);
});
