/**
 * Save before broadcast, at the Room's own level: a DocStore whose `append` is
 * held open by the test. No peer may receive a writer's update until its
 * append resolved; a failed append closes the peers and broadcasts nothing.
 * Real sockets (a relay on port 0), raw y-websocket frames.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { createRelay, type Relay } from './relay';
import { createLocalFanout } from './local-fanout';
import type { DocStore } from './hooks';

/** A DocStore that holds every append until the test settles it. */
function heldStore() {
	const appends: { update: Uint8Array; resolve: () => void; reject: (err: Error) => void }[] = [];
	let notify: (() => void) | null = null;
	const store: DocStore = {
		load: async () => [],
		append: (_docId, update) =>
			new Promise<void>((resolve, reject) => {
				appends.push({ update, resolve, reject });
				notify?.();
			}),
		release: async () => undefined,
		flush: async () => undefined
	};
	/** Resolves once `n` appends were asked for. */
	const appended = (n: number) =>
		new Promise<void>((resolve) => {
			const check = () => appends.length >= n && resolve();
			notify = check;
			check();
		});
	return { store, appends, appended };
}

let server: Server | undefined;
let relay: Relay | undefined;
afterEach(async () => {
	await relay?.close().catch(() => undefined);
	server?.close();
	server?.closeAllConnections();
});

async function startRelay(store: DocStore, turnBudgetMs?: number): Promise<string> {
	relay = createRelay({
		turnBudgetMs,
		hooks: {
			authorize: async (req) => ({
				ok: true,
				userId: new URL(req.url ?? '/', 'http://x').searchParams.get('user') ?? 'u',
				sessionId: 's',
				displayName: 'Camille',
				role: 'member',
				canWrite: true,
				docKind: 'initiative'
			}),
			store,
			onChange: () => undefined
		},
		fanout: createLocalFanout()
	});
	server = createServer();
	server.on('upgrade', (req, socket, head) => relay!.handleUpgrade(req, socket, head, 'doc1'));
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A raw socket that records the message types (and sync steps) it receives. */
async function peer(url: string, user: string) {
	const ws = new WebSocket(`${url}/sync/doc1?user=${user}`);
	const frames: string[] = [];
	let waiter: (() => void) | null = null;
	ws.on('message', (data: Buffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(data));
		const type = decoding.readVarUint(decoder);
		frames.push(type === 0 ? `sync${decoding.readVarUint(decoder)}` : `type${type}`);
		waiter?.();
	});
	const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	/** Resolves once a frame of `kind` arrived (counting from the start). */
	const received = (kind: string, count = 1) =>
		new Promise<void>((resolve) => {
			const check = () => frames.filter((f) => f === kind).length >= count && resolve();
			waiter = check;
			check();
		});
	return { ws, frames, closed, received };
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
}
const updateFrame = (update: Uint8Array) =>
	frame((e) => {
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, 2);
		encoding.writeVarUint8Array(e, update);
	});
const queryAwareness = () => frame((e) => encoding.writeVarUint(e, 3));

function anUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('notes').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

describe('Room: save before broadcast', () => {
	it('sends no peer the update until its append resolves', async () => {
		const { store, appends, appended } = heldStore();
		const url = await startRelay(store);
		const writer = await peer(url, 'a');
		const reader = await peer(url, 'b');
		await reader.received('sync0');
		writer.ws.send(updateFrame(anUpdate('bonjour')));
		await appended(1);
		// The reader's own round trip comes back while the append is still held: the relay
		// has moved on, and still nothing of the update reached the reader.
		reader.ws.send(queryAwareness());
		await reader.received('type1');
		expect(reader.frames).not.toContain('sync2');
		appends[0].resolve();
		await reader.received('sync2');
		expect(writer.frames).not.toContain('sync2');
		writer.ws.close();
		reader.ws.close();
	});

	it('closes the peers and broadcasts nothing when the append fails', async () => {
		const { store, appends, appended } = heldStore();
		const url = await startRelay(store);
		const writer = await peer(url, 'a');
		const reader = await peer(url, 'b');
		await reader.received('sync0');
		writer.ws.send(updateFrame(anUpdate('perdu')));
		await appended(1);
		appends[0].reject(new Error('disk full'));
		expect(await reader.closed).toBe(1011);
		expect(await writer.closed).toBe(1011);
		expect(reader.frames).not.toContain('sync2');
	});
});

describe('Room: a burst past the turn budget', () => {
	it('is handled over several turns, in arrival order, with timers running in between', async () => {
		const order: string[] = [];
		const appended: Uint8Array[] = [];
		const store: DocStore = {
			load: async () => [],
			append: async (_docId, update) => {
				if (appended.push(update) === 1) setTimeout(() => order.push('timer'), 0);
				order.push('append');
			},
			release: async () => undefined,
			flush: async () => undefined
		};
		// A budget of 0: every turn handles one frame, the rest wait.
		const url = await startRelay(store, 0);
		const writer = await peer(url, 'a');
		const reader = await peer(url, 'b');
		await reader.received('sync0');
		const source = new Y.Doc();
		const updates: Uint8Array[] = [];
		source.on('update', (u: Uint8Array) => updates.push(u));
		const letters = 'abcdefghijklmnopqrst';
		for (let i = 0; i < 20; i++) source.getText('notes').insert(i, letters[i]);
		// One TCP write: every frame arrives in one read, one turn of the relay's loop.
		const socket = (writer.ws as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
		socket.cork();
		for (const u of updates) writer.ws.send(updateFrame(u));
		socket.uncork();
		const copy = new Y.Doc();
		reader.ws.on('message', (data: Buffer) => {
			const decoder = decoding.createDecoder(new Uint8Array(data));
			if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 2) Y.applyUpdate(copy, decoding.readVarUint8Array(decoder));
		});
		await reader.received('sync2', 20);
		expect(order.indexOf('timer')).toBeGreaterThan(0);
		expect(order.indexOf('timer')).toBeLessThan(order.lastIndexOf('append'));
		// Stored in the order sent: the writer's clocks 0, 1, 2…
		expect(appended.map((u) => Y.decodeUpdate(u).structs[0].id.clock)).toEqual([...Array(20).keys()]);
		expect(copy.getText('notes').toString()).toBe(letters);
		writer.ws.close();
		reader.ws.close();
	});
});
