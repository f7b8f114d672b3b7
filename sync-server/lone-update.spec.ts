/**
 * The relay over the real SQLite store, in one process (as upgrade.ts wires them):
 * a lone update is committed, then broadcast, in the turn of the event loop that
 * read its frame: nothing queued for later in that turn runs before it goes out.
 * Real sockets (a relay on port 0), raw y-websocket frames.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { createRelay, createLocalFanout, type DocStore, type Fanout, type Relay } from '$relay/index';
import { createSqliteDocStore } from '$store/doc-log';

function memoryDb(): Database.Database {
	const sqlite = new Database(':memory:');
	sqlite.exec(`
		CREATE TABLE doc_updates (doc_id TEXT NOT NULL, seq INTEGER NOT NULL, "update" BLOB NOT NULL,
			author_id TEXT, created_at INTEGER NOT NULL, PRIMARY KEY (doc_id, seq));
		CREATE TABLE doc_snapshots (doc_id TEXT PRIMARY KEY, state BLOB NOT NULL, seq INTEGER NOT NULL,
			updated_at INTEGER NOT NULL);`);
	return sqlite;
}

let server: Server | undefined;
let relay: Relay | undefined;
afterEach(async () => {
	await relay?.close().catch(() => undefined);
	server?.close();
	server?.closeAllConnections();
});

async function startRelay(store: DocStore, fanout: Fanout): Promise<string> {
	relay = createRelay({
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
		fanout
	});
	server = createServer();
	server.on('upgrade', (req, socket, head) => relay!.handleUpgrade(req, socket, head, 'doc1'));
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Opens a socket; resolves with it and a promise of its first frame of `type` / `step`. */
async function open(url: string, user: string) {
	const ws = new WebSocket(`${url}/sync/doc1?user=${user}`);
	const frames: Uint8Array[] = [];
	let notify: (() => void) | null = null;
	ws.on('message', (data: Buffer) => {
		frames.push(new Uint8Array(data));
		notify?.();
	});
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	const received = (type: number, step: number) =>
		new Promise<void>((resolve) => {
			const check = () => frames.some((f) => f[0] === type && f[1] === step) && resolve();
			notify = check;
			check();
		});
	return { ws, received };
}

function updateFrame(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('notes').insert(0, text);
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 0);
	encoding.writeVarUint(e, 2);
	encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
	return encoding.toUint8Array(e);
}

describe('relay over the SQLite store: a lone update', () => {
	it('is committed, then broadcast, before the loop runs what was queued for the end of the turn', async () => {
		const sqlite = memoryDb();
		const rows = () => (sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;
		const real = createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 });
		const order: string[] = [];
		const store: DocStore = {
			...real,
			append(docId, update, authorId) {
				// Queued in the turn that read the frame, before the store schedules anything:
				// a commit left for the end of the turn (setImmediate) would run after it.
				setImmediate(() => order.push('end of turn'));
				return real.append(docId, update, authorId);
			}
		};
		const local = createLocalFanout();
		const fanout: Fanout = {
			subscribe: (docId, deliver) => local.subscribe(docId, deliver),
			publish(message) {
				// Document updates only (sync, step 2), not presence.
				if (message.frame[0] === 0 && message.frame[1] === 2) order.push(`broadcast, ${rows()} row committed`);
				local.publish(message);
			}
		};
		const url = await startRelay(store, fanout);
		const writer = await open(url, 'a');
		const reader = await open(url, 'b');
		await reader.received(0, 0);
		writer.ws.send(updateFrame('bonjour'));
		await reader.received(0, 2);
		await new Promise((r) => setImmediate(r));
		expect(order).toEqual(['broadcast, 1 row committed', 'end of turn']);
		writer.ws.close();
		reader.ws.close();
	});
});
