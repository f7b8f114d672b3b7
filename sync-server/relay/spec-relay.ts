/**
 * For specs: a relay on port 0 over a given DocStore (every socket authorized as a
 * writing member of `doc1`, the user from `?user=`), raw sockets that record what
 * they receive, and y-websocket update frames. `stopSpecRelay` in an afterEach.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { createRelay, type Relay } from './relay';
import { createLocalFanout } from './local-fanout';
import type { DocStore, Fanout } from './hooks';
import type { CrowdBroadcastOptions } from './crowd-broadcast';

let server: Server | undefined;
let relay: Relay | undefined;

export async function stopSpecRelay(): Promise<void> {
	await relay?.close().catch(() => undefined);
	server?.close();
	server?.closeAllConnections();
}

/** Starts a relay over `store`; resolves with its ws:// base URL. */
export async function startSpecRelay(store: DocStore, options: { turnBudgetMs?: number; pingIntervalMs?: number; fanout?: Fanout; crowd?: CrowdBroadcastOptions } = {}): Promise<string> {
	relay = createRelay({
		turnBudgetMs: options.turnBudgetMs,
		pingIntervalMs: options.pingIntervalMs,
		crowd: options.crowd,
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
		fanout: options.fanout ?? createLocalFanout()
	});
	server = createServer();
	server.on('upgrade', (req, socket, head) => relay!.handleUpgrade(req, socket, head, 'doc1'));
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A raw socket that records the message types (and sync steps) it receives. */
export async function peer(url: string, user: string) {
	const ws = new WebSocket(`${url}/sync/doc1?user=${user}`);
	const frames: string[] = [];
	/** The Yjs update of each update frame (sync2), in order. */
	const updates: Uint8Array[] = [];
	let waiter: (() => void) | null = null;
	ws.on('message', (data: Buffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(data));
		const type = decoding.readVarUint(decoder);
		const kind = type === 0 ? `sync${decoding.readVarUint(decoder)}` : `type${type}`;
		if (kind === 'sync2') updates.push(decoding.readVarUint8Array(decoder));
		frames.push(kind);
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
	return { ws, frames, updates, closed, received };
}

export function frame(write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
}
export const updateFrame = (update: Uint8Array) =>
	frame((e) => {
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, 2);
		encoding.writeVarUint8Array(e, update);
	});

export function anUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('notes').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}
