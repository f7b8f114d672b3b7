/**
 * One initiative's collaborative document in the browser: the Y.Doc, its copy
 * in IndexedDB and its connection to the relay. Everything that must be torn
 * down together is created here and released by one `close()`.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { localDb } from '../db';
import { localDbName, openLocalCopy } from './local-copy';
import { CloseCode } from '$lib/domain/sync-contract';
import { trackAcks } from './acks';
import { creationState, waitForCreation } from './creations';
import { syncUrl } from './relay-url';
import { syncManager } from './sync-runner';

export { localDbName, syncUrl };

/**
 * `offline`: edits are kept on this device until the relay is reachable;
 * `waiting`: what the document belongs to is still being created (outbox);
 * `sending`: connected, local edits not yet acknowledged by the relay;
 * `synced`: the relay has acknowledged everything this device holds.
 */
export type SyncStatus = 'loading' | 'waiting' | 'connecting' | 'sending' | 'synced' | 'offline' | 'error';
/** Why the relay refused us for good (API.md close codes). */
export type StopReason = 'unauthenticated' | 'not_found' | 'too_large' | null;

export interface AwarenessUser {
	id: string;
	name: string;
	color: string;
}

export interface WorkspaceDoc {
	readonly doc: Y.Doc;
	readonly awareness: Awareness;
	/** Resolves once the IndexedDB copy has been applied (or could not be read). */
	readonly loaded: Promise<void>;
	close(): void;
}

export interface OpenOptions {
	user: AwarenessUser;
	onStatus(status: SyncStatus, stop: StopReason): void;
	/** Defaults to this page's origin `/sync`. */
	serverUrl?: string;
}

const STOP_CODES: Record<number, Exclude<StopReason, null>> = {
	[CloseCode.unauthenticated]: 'unauthenticated',
	[CloseCode.unknownDoc]: 'not_found',
	[CloseCode.tooBig]: 'too_large'
};

/** IndexedDB waits this long at most before we connect anyway (e.g. storage blocked). */
const LOCAL_LOAD_TIMEOUT_MS = 3000;

/**
 * Opens `docId`: content from IndexedDB first (shown at once), then the relay,
 * once what it belongs to exists there (a creation still in the outbox is
 * waited for; a 4404 meanwhile is not a deletion). The socket is opened after
 * the local copy is loaded so that the first sync step carries our state vector.
 */
export function openWorkspaceDoc(docId: string, options: OpenOptions): WorkspaceDoc {
	const doc = new Y.Doc();
	const local = openLocalCopy(localDbName(docId), doc);
	const provider = new WebsocketProvider(options.serverUrl ?? syncUrl(window.location), docId, doc, {
		connect: false
	});
	provider.awareness.setLocalStateField('user', options.user);
	const manager = syncManager();
	const release = manager.holdOpen(docId);
	const abort = new AbortController();

	let closed = false;
	let stop: StopReason = null;
	let status: SyncStatus = 'loading';
	let clean = false;
	/** The local copy is shown; before, the status stays `loading`. */
	let ready = false;
	/** Looking in the outbox whether the creation this document belongs to is still there. */
	let checking = true;
	/** The creation this document belongs to is still in the outbox. */
	let awaitingCreation = false;
	const emit = (next: SyncStatus) => {
		if (closed || (status === next && next !== 'error')) return;
		status = next;
		options.onStatus(status, stop);
	};
	const settle = () => {
		if (!ready) return;
		if (stop) emit('error');
		else if (awaitingCreation) emit('waiting');
		else if (!navigator.onLine) emit('offline');
		else if (checking) emit('connecting');
		else if (provider.synced) emit(clean ? 'synced' : 'sending');
		// A server that cannot be reached (no internet behind the Wi-Fi, the relay down) is offline
		// for the person, even while y-websocket retries: "Connexion…" only until the first failure.
		else if (provider.wsconnected || (provider.wsconnecting && provider.wsUnsuccessfulReconnects === 0)) emit('connecting');
		else emit('offline');
	};

	const acks = trackAcks(provider, {
		initial: local.acked(),
		onAck: (snapshot) => void local.setAcked(snapshot).catch((err: unknown) => console.error('kohero: storing an ack', err)),
		onClean: (value) => {
			clean = value;
			manager.markPending(docId, !value);
			settle();
		}
	});

	/** Connects once the creation is accepted; a refused creation never exists on the relay. */
	const connectWhenCreated = async () => {
		const entries = await localDb().outbox.toArray().catch(() => []);
		awaitingCreation = creationState(entries, docId) === 'waiting';
		checking = false;
		settle();
		const state = awaitingCreation ? await waitForCreation(localDb(), docId, abort.signal) : creationState(entries, docId);
		awaitingCreation = false;
		if (closed || state === 'waiting') return;
		if (state === 'refused') stop = 'not_found';
		else if (navigator.onLine) provider.connect();
		settle();
	};

	provider.on('status', settle);
	provider.on('sync', settle);
	provider.on('closed', (event) => {
		if (event.code === CloseCode.unknownDoc) {
			// Created on this device and not yet accepted (or accepted a moment ago): not a deletion.
			void localDb()
				.outbox.toArray()
				.then((entries) => {
					if (creationState(entries, docId) === 'waiting') {
						checking = true;
						return connectWhenCreated();
					}
					stop = 'not_found';
					settle();
				}, () => {
					stop = 'not_found';
					settle();
				});
			return;
		}
		stop = STOP_CODES[event.code] ?? 'not_found';
		settle();
	});
	provider.on('connection-close', (event) => {
		// 1009 (too large) is not in the 4400 range y-websocket stops on by itself.
		if (event?.code === CloseCode.tooBig) {
			provider.shouldConnect = false;
			stop = 'too_large';
		}
		// y-websocket emits this before it updates its own state (wsconnecting, the failure count).
		queueMicrotask(settle);
	});

	// Chromium keeps a socket "open" for a while when the network drops; the
	// browser's own signal is faster, and reconnecting on `online` skips backoff.
	const goOffline = () => {
		provider.disconnect();
		settle();
	};
	const goOnline = () => {
		if (!stop && !closed && !awaitingCreation && !checking && ready) provider.connect();
		settle();
	};
	window.addEventListener('offline', goOffline);
	window.addEventListener('online', goOnline);

	const timeout = new Promise<void>((resolve) => setTimeout(resolve, LOCAL_LOAD_TIMEOUT_MS));
	const loaded = Promise.race([local.loaded, timeout]).then(() => {
		if (closed) return;
		ready = true;
		settle();
		void connectWhenCreated();
	});

	return {
		doc,
		awareness: provider.awareness,
		loaded,
		close() {
			if (closed) return;
			closed = true;
			abort.abort();
			window.removeEventListener('offline', goOffline);
			window.removeEventListener('online', goOnline);
			acks.destroy();
			release();
			// Tells the others we left (removes our cursor) before the socket closes.
			provider.awareness.setLocalState(null);
			provider.destroy();
			local.close();
			doc.destroy();
			// Edits not yet acknowledged are now the sync manager's to send.
			if (!clean) void manager.syncDoc(docId);
		}
	};
}
