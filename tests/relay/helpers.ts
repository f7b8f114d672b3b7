/**
 * Relay test helpers: one server per test file with its members and clients
 * (useRelayServer), stock WebsocketProvider clients that carry a session
 * cookie, initiatives and memberships written straight into the server's
 * SQLite file (fast set-up of many documents), and polling waits.
 */
import { afterAll, beforeAll } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import { readJournalRows, type JournalRow } from '../../sync-server/store/update-journal';
import { Client } from '../helpers/client';
import { startServer, type StartOptions, type TestServer } from '../helpers/server';

export interface Member {
	id: string;
	cookie: string;
}

/** Signs up a fresh account over HTTP. */
export async function signup(server: TestServer): Promise<Member> {
	const client = new Client(server.url);
	const user = await client.signup();
	return { id: user.id, cookie: client.cookie };
}

/** Runs `fn` on the server's database through a second connection (WAL allows it). */
export function withDb<T>(dataDir: string, fn: (sqlite: Database.Database) => T): T {
	const sqlite = new Database(join(dataDir, 'kohero.db'));
	sqlite.pragma('busy_timeout = 5000');
	try {
		return fn(sqlite);
	} finally {
		sqlite.close();
	}
}

/** Creates an initiative owned by `owner`, with `members` as plain members. */
export function createInitiative(server: TestServer, owner: Member, members: Member[] = []): string {
	const id = `init_${Math.random().toString(36).slice(2, 12)}`;
	const now = Date.now();
	withDb(server.dataDir, (sqlite) => {
		sqlite
			.prepare(
				`INSERT INTO initiatives (id, owner_id, title, category, lat, lng, created_at, updated_at, last_activity_at)
				 VALUES (?, ?, 'Jardin partagé', 'food', 45.76, 4.83, ?, ?, ?)`
			)
			.run(id, owner.id, now, now, now);
		const add = sqlite.prepare('INSERT INTO memberships (initiative_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)');
		add.run(id, owner.id, 'owner', now);
		for (const m of members) add.run(id, m.id, 'member', now);
	});
	return id;
}

/** The member leaves through the public API, which tells the relay at once. */
export async function removeMember(server: TestServer, docId: string, member: Member): Promise<void> {
	const client = new Client(server.url);
	client.cookie = member.cookie;
	const res = await client.post(`/api/initiatives/${docId}/leave`);
	if (res.status !== 200) throw new Error(`leave answered ${res.status} ${res.text}`);
}

/** A `ws` WebSocket class that sends `cookie` on the upgrade, for WebsocketProvider. */
export function cookieWebSocket(cookie: string): new (url: string, protocols?: string | string[]) => WebSocket {
	return class extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: { cookie } });
		}
	};
}

export interface SyncClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	destroy(): void;
}

/** A stock WebsocketProvider on `docId` with its own Y.Doc. */
export function connectClient(wsUrl: string, docId: string, cookie: string, doc = new Y.Doc()): SyncClient {
	const provider = new WebsocketProvider(`${wsUrl}/sync`, docId, doc, {
		// Node has BroadcastChannel: without this, clients of one process would sync without the server.
		disableBc: true,
		WebSocketPolyfill: cookieWebSocket(cookie) as unknown as typeof globalThis.WebSocket
	});
	return {
		doc,
		provider,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

export interface RelayServer<Name extends string> {
	/** The running server (started before the first test). */
	readonly server: TestServer;
	/** One signed-up account per name; each object is filled in before the first test. */
	readonly members: Record<Name, Member>;
	/** A stock client of `member` on `docId`, destroyed after the file's last test. */
	client(docId: string, member: Member): SyncClient;
}

/**
 * Starts one server for the test file (beforeAll), signs up `members`, and
 * after the last test destroys every client it handed out and the server.
 */
export function useRelayServer<Name extends string>(
	members: readonly Name[],
	options: Omit<StartOptions, 'dataDir' | 'port'> = {}
): RelayServer<Name> {
	let server: TestServer | undefined;
	const clients: SyncClient[] = [];
	// Stable objects, so a test file can destructure them at load time.
	const accounts = Object.fromEntries(members.map((name) => [name, { id: '', cookie: '' }])) as Record<Name, Member>;

	beforeAll(async () => {
		server = await startServer(options);
		const signedUp = await Promise.all(members.map(() => signup(server!)));
		members.forEach((name, i) => Object.assign(accounts[name], signedUp[i]));
	});
	afterAll(async () => {
		for (const c of clients.splice(0)) c.destroy();
		await server?.dispose();
	});

	const started = (): TestServer => {
		if (!server) throw new Error('the relay server is started in beforeAll');
		return server;
	};
	return {
		get server() {
			return started();
		},
		members: accounts,
		client(docId, member) {
			const c = connectClient(started().wsUrl, docId, member.cookie);
			clients.push(c);
			return c;
		}
	};
}

/** Polls `check` until it is true; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** Resolves once the provider has finished its first sync with the server. */
export function synced(client: SyncClient): Promise<void> {
	return waitFor(() => client.provider.synced, 'provider synced');
}

/** Opens a raw socket to `/sync/:docId` and resolves with its close code. */
export function closeCodeOf(wsUrl: string, docId: string, cookie?: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(`${wsUrl}/sync/${docId}`, { headers: cookie ? { cookie } : {} });
		ws.on('close', (code) => resolve(code));
		ws.on('error', () => undefined);
		setTimeout(() => reject(new Error('socket was not closed')), 10_000).unref();
	});
}

/** Opens a raw authenticated socket and waits until it is open. */
export async function rawSocket(wsUrl: string, docId: string, cookie: string): Promise<WebSocket> {
	const ws = new WebSocket(`${wsUrl}/sync/${docId}`, { headers: { cookie } });
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	return ws;
}

/** Resolves with the close code of an open socket. */
export function closed(ws: WebSocket): Promise<number> {
	return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/** The text of every message in a doc's `messages` array. */
export function texts(doc: Y.Doc, name = 'messages'): string[] {
	return doc.getArray<Y.Map<unknown>>(name).toArray().map((m) => String(m.get('text')));
}

/** Appends `{id, authorId, text, createdAt}` to `messages` (API.md's shape). */
export function say(doc: Y.Doc, authorId: string, text: string): void {
	const message = new Y.Map<unknown>();
	message.set('id', `${doc.clientID}-${Math.random().toString(36).slice(2)}`);
	message.set('authorId', authorId);
	message.set('text', text);
	message.set('createdAt', new Date().toISOString());
	doc.getArray<Y.Map<unknown>>('messages').push([message]);
}

/**
 * The rows of `docId` in the relay's update journal: committed, and not all in SQLite yet
 * (SQLite takes them up to a quarter second later: sync-server/store/journal-stage.ts).
 */
export function journalRows(dataDir: string, docId: string): JournalRow[] {
	return readJournalRows(join(dataDir, 'kohero.db.updates')).filter((row) => row.docId === docId);
}

/** Everything the server has stored for `docId` (SQLite and the update journal), merged into a fresh doc. */
export function storedDoc(dataDir: string, docId: string): Y.Doc {
	const doc = new Y.Doc();
	withDb(dataDir, (sqlite) => {
		const snapshot = sqlite.prepare('SELECT state, seq, parts FROM doc_snapshots WHERE doc_id = ?').get(docId) as
			| { state: Buffer; seq: number; parts: number }
			| undefined;
		// A big snapshot is stored in parts, in order, under the seq it covers.
		const parts = () =>
			(sqlite.prepare('SELECT bytes FROM doc_snapshot_parts WHERE doc_id = ? AND seq = ? AND part < ? ORDER BY part').all(docId, snapshot!.seq, snapshot!.parts) as { bytes: Buffer }[]).map((p) => p.bytes);
		if (snapshot) Y.applyUpdate(doc, snapshot.parts > 0 ? Buffer.concat(parts()) : snapshot.state);
		const rows = sqlite.prepare('SELECT "update" FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(docId) as {
			update: Buffer;
		}[];
		for (const row of rows) Y.applyUpdate(doc, row.update);
	});
	// Rows SQLite already has are applied twice: Yjs ignores what it has.
	for (const row of journalRows(dataDir, docId)) Y.applyUpdate(doc, row.update);
	return doc;
}

/** Sends a sync step 1 on `client`'s socket and resolves at the relay's step 2 answer. */
async function roundTrip(client: SyncClient): Promise<void> {
	const ws = client.provider.ws as unknown as WebSocket | null;
	if (!ws) throw new Error('provider not connected');
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint8Array(encoder, Y.encodeStateVector(client.doc));
	await new Promise<void>((resolve) => {
		// y-websocket sets binaryType 'arraybuffer'.
		const onMessage = (data: ArrayBuffer | Buffer) => {
			const bytes = new Uint8Array(data);
			if (bytes[0] !== 0 || bytes[1] !== 1) return;
			ws.off('message', onMessage);
			resolve();
		};
		ws.on('message', onMessage);
		ws.send(encoding.toUint8Array(encoder));
	});
}

/**
 * Resolves once the server has processed everything `from` sent so far and
 * `observer` has received whatever the relay passed on from it: the relay
 * handles a socket's frames in order and answers a sync step 1 after what came
 * before it (a round trip, not presence: a non-member's presence is not relayed).
 */
export async function processedBy(from: SyncClient, observer: SyncClient): Promise<void> {
	await roundTrip(from);
	await roundTrip(observer);
}
