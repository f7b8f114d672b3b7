/**
 * The relay: accepts `/sync/:docId` upgrades, keeps one Room per open
 * document, drops dead sockets, unloads idle documents and shuts down cleanly.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { log } from '$lib/log';
import type * as Y from 'yjs';
import { CloseCode, type Access, type DocKind, type DocRole, type Fanout, type RelayHooks } from './hooks';
import { MAX_DOC_BYTES, MAX_MESSAGE_BYTES, PING_INTERVAL_MS, TURN_BUDGET_MS, WARM_LOOP_MS, WRITE_BUDGET_MS } from './limits';
import { countRejected, metrics, registerGauge } from './metrics';
import { Peer } from './peer';
import { Room } from './room';
import { closeWhenSessionExpires } from './session-expiry';
import { DEFAULT_DOC_HEAP_BUDGET_BYTES, DocBudget, estimateDocHeap } from './doc-budget';
import { TurnBudget } from './turn-budget';
import { Heartbeat } from './heartbeat';
import { WarmLoop } from './warm-loop';
import type { CrowdBroadcastOptions } from './crowd-broadcast';

export interface Relay {
	/** Takes over an upgrade request for `docId` (already cut from the path). */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, docId: string): void;
	/** Applies a membership change (new role, or null: no longer a member) to the open sockets of `userId` on `docId`. */
	setRole(docId: string, userId: string, role: DocRole): void;
	/** Closes with 4401 every socket opened with one of these sessions (they ended). */
	closeSessions(sessionIds: readonly string[]): void;
	/**
	 * Edits a document as the server (moderation, restore): loads it if needed, applies
	 * `edit` in one transaction, commits it and sends it to every open socket.
	 */
	editDocument(docId: string, docKind: DocKind, edit: (doc: Y.Doc) => void): Promise<void>;
	/**
	 * `read` on a loaded document as it is now (what any peer was sent is in it), without
	 * loading it; null when it is not in memory (or failed to load).
	 */
	readLoaded<T>(docId: string, read: (doc: Y.Doc) => T): { value: T } | null;
	/** The ids of the documents in memory (for membership changes on meeting docs). */
	loadedDocIds(): string[];
	/** Commits everything pending, closes every socket with 1001 and frees the documents. */
	close(): Promise<void>;
}

export interface RelayOptions {
	hooks: RelayHooks;
	fanout: Fanout;
	pingIntervalMs?: number;
	/** How often the loop wakes while writers are active (warm-loop.ts); 0: never kept awake. */
	warmLoopMs?: number;
	/** Largest document a writer may grow (API.md: 20 MiB). */
	maxDocBytes?: number;
	/** Estimated heap all loaded documents may take together (see doc-budget.ts). */
	docHeapBudgetBytes?: number;
	/** Time one turn of the event loop may spend handling frames; the rest wait for the next turns (turn-budget.ts). */
	turnBudgetMs?: number;
	/** How rooms with many peers broadcast (crowd-broadcast.ts); tests make small rooms crowded. */
	crowd?: CrowdBroadcastOptions;
}

const CLOSE_GRACE_MS = 1000;
/** Opens and closes are logged with the HTTP requests (KOHERO_LOG_REQUESTS=1); refusals and faults always. */
const logConnections = process.env.KOHERO_LOG_REQUESTS === '1';

/** Creates a relay around its hooks and fan-out. */
export function createRelay({
	hooks,
	fanout,
	pingIntervalMs = PING_INTERVAL_MS,
	warmLoopMs = WARM_LOOP_MS,
	maxDocBytes = MAX_DOC_BYTES,
	docHeapBudgetBytes = DEFAULT_DOC_HEAP_BUDGET_BYTES,
	turnBudgetMs = TURN_BUDGET_MS,
	crowd
}: RelayOptions): Relay {
	const budget = new DocBudget(docHeapBudgetBytes);
	const turnBudget = new TurnBudget(turnBudgetMs);
	const writeBudget = new TurnBudget(crowd?.writeBudgetMs ?? WRITE_BUDGET_MS);
	const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
	const rooms = new Map<string, Room>();
	const sockets = new Set<WebSocket>();
	let closing = false;

	const heartbeat = new Heartbeat<Peer>(pingIntervalMs, writeBudget);
	const warmLoop = new WarmLoop(warmLoopMs);
	const unregister = [
		registerGauge('tracked_sockets', () => sockets.size),
		registerGauge('ws_clients', () => wss.clients.size),
		registerGauge('rooms', () => rooms.size),
		registerGauge('doc_heap_estimate_bytes', () => budget.totalBytes),
		registerGauge('backlogged_rooms', () => turnBudget.waiting),
		registerGauge('loop_kept_awake', () => (warmLoop.awake ? 1 : 0))
	];

	function roomFor(docId: string, docKind: DocKind): Room {
		let room = rooms.get(docId);
		if (!room) {
			const created = new Room(docId, docKind, { hooks, fanout, maxDocBytes, budget: turnBudget, writeBudget, onEmpty: unloadWhenIdle, crowd });
			rooms.set(docId, created);
			void created.load().then(() => measure(created));
			room = created;
		}
		return room;
	}

	/** Re-estimates a loaded room's heap (marking it used), and makes room within the budget. */
	function measure(room: Room): void {
		if (!room.ready || rooms.get(room.docId) !== room) return;
		budget.set(room.docId, estimateDocHeap(room.doc, room.sizeEstimate));
		for (const docId of budget.victims((id) => rooms.get(id)?.peers.size === 0)) {
			const idle = rooms.get(docId);
			if (idle) unloadWhenIdle(idle);
		}
	}

	/** Unloads a room once its last writes are committed, unless someone came back. */
	function unloadWhenIdle(room: Room): void {
		void room.settled().then(async () => {
			if (room.peers.size > 0 || rooms.get(room.docId) !== room || closing) return;
			rooms.delete(room.docId);
			budget.delete(room.docId);
			room.destroy();
			await hooks.store.release(room.docId);
		}).catch((err: unknown) => log.error('relay_unload_failed', { docId: room.docId, error: String(err) }));
	}

	function connect(ws: WebSocket, docId: string, access: Access): void {
		sockets.add(ws);
		ws.on('close', () => sockets.delete(ws));
		if (!access.ok) {
			countRejected(access.code === CloseCode.unauthenticated ? 'unauthenticated' : access.code === CloseCode.forbidden ? 'forbidden' : 'unknownDoc');
			// The id is the client's to choose: cut it, it may be 10 kB of anything.
			log.info('relay_refused', { docId: docId.slice(0, 64), code: access.code });
			ws.close(access.code);
			return;
		}
		if (closing) {
			ws.close(CloseCode.goingAway);
			return;
		}
		const loaded = rooms.get(docId);
		if (!loaded && budget.over) {
			// Loading one more document would pass the heap budget: come back later.
			countRejected('overBudget');
			ws.close(CloseCode.tryAgainLater, 'server busy');
			return;
		}
		metrics.openConnections++;
		const peer = new Peer(ws, access);
		const room = roomFor(docId, access.docKind);
		if (loaded) measure(loaded);
		if (logConnections) log.info('relay_open', { connectionId: peer.id, docId, userId: access.userId, canWrite: access.canWrite });
		ws.on('message', (data: RawData, isBinary: boolean) => {
			if (closing) return;
			heartbeat.heard(peer);
			warmLoop.heard();
			if (!isBinary) {
				countRejected('malformed');
				peer.close(CloseCode.malformed, 'binary frames only');
				return;
			}
			room.receive(peer, toBytes(data));
		});
		ws.on('pong', () => (peer.alive = true));
		heartbeat.add(peer);
		ws.on('error', (err: Error & { code?: string }) => {
			// ws closes with 1009 itself when a frame exceeds maxPayload.
			if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') countRejected('tooBig');
		});
		const stopExpiry = hooks.sessionExpiry ? closeWhenSessionExpires(peer, hooks.sessionExpiry) : () => undefined;
		ws.on('close', (code: number) => {
			stopExpiry();
			heartbeat.delete(peer);
			metrics.openConnections--;
			room.detach(peer);
			if (logConnections) log.info('relay_close', { connectionId: peer.id, docId, code });
		});
		room.attach(peer);
	}

	return {
		handleUpgrade(req, socket, head, docId) {
			// A client that vanishes mid-authorization must not crash the process.
			socket.on('error', () => socket.destroy());
			if (closing) {
				socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
				return;
			}
			hooks
				.authorize(req, docId)
				.then((access) => {
					wss.handleUpgrade(req, socket, head, (ws) => connect(ws, docId, access));
				})
				.catch((err: unknown) => {
					log.error('relay_authorize_failed', { docId: docId.slice(0, 64), error: String(err) });
					socket.destroy();
				});
		},
		setRole(docId, userId, role) {
			rooms.get(docId)?.setRole(userId, role);
		},
		closeSessions(sessionIds) {
			const ended = new Set(sessionIds);
			for (const room of rooms.values()) {
				for (const peer of room.peers) {
					if (!ended.has(peer.sessionId)) continue;
					// Nothing it sends from now on is applied: it no longer writes, then it closes.
					peer.canWrite = false;
					peer.close(CloseCode.unauthenticated, 'session ended');
				}
			}
		},
		async editDocument(docId, docKind, edit) {
			if (closing) throw new Error('relay closing');
			const room = roomFor(docId, docKind);
			await room.load();
			if (!room.ready) throw new Error('document failed to load');
			await room.editAsServer(edit);
			if (room.peers.size === 0) unloadWhenIdle(room);
		},
		readLoaded(docId, read) {
			const room = rooms.get(docId);
			return room?.ready ? { value: read(room.doc) } : null;
		},
		loadedDocIds() {
			return [...rooms.keys()];
		},
		async close() {
			closing = true;
			heartbeat.stop();
			warmLoop.stop();
			for (const ws of sockets) ws.close(CloseCode.goingAway, 'server shutting down');
			// Everything a writer sent before now is applied (frames still waiting for a turn too); commit it all.
			for (const room of rooms.values()) room.drainAll();
			await Promise.all([...rooms.values()].map((room) => room.settled()));
			await hooks.store.flush();
			await waitForSockets(sockets, CLOSE_GRACE_MS);
			for (const room of rooms.values()) room.destroy();
			rooms.clear();
			wss.close();
			for (const remove of unregister) remove();
		}
	};
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Waits for the close handshakes, then cuts whatever is left. */
async function waitForSockets(sockets: Set<WebSocket>, graceMs: number): Promise<void> {
	const deadline = Date.now() + graceMs;
	while (sockets.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
	for (const ws of sockets) ws.terminate();
}
