/**
 * One initiative's collaborative document in the browser: the Y.Doc, its copy
 * in IndexedDB and its connection to the relay. Everything that must be torn
 * down together is created here and released by one `close()`.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { localDbName, openLocalCopy } from './local-copy';

export { localDbName };

/** `offline`: edits are kept on this device until the relay is reachable. */
export type SyncStatus = 'loading' | 'connecting' | 'synced' | 'offline' | 'error';
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
	4401: 'unauthenticated',
	4404: 'not_found',
	1009: 'too_large'
};

/** IndexedDB waits this long at most before we connect anyway (e.g. storage blocked). */
const LOCAL_LOAD_TIMEOUT_MS = 3000;

/** The relay's URL on this origin, ws: or wss: like the page. */
export function syncUrl(location: Location): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/**
 * Opens `docId`: content from IndexedDB first (shown at once), then the relay.
 * The socket is opened after the local copy is loaded so that the first sync
 * step carries our state vector and the relay sends only what we lack.
 */
export function openWorkspaceDoc(docId: string, options: OpenOptions): WorkspaceDoc {
	const doc = new Y.Doc();
	const local = openLocalCopy(localDbName(docId), doc);
	const provider = new WebsocketProvider(options.serverUrl ?? syncUrl(window.location), docId, doc, {
		connect: false
	});
	provider.awareness.setLocalStateField('user', options.user);

	let closed = false;
	let stop: StopReason = null;
	let status: SyncStatus = 'loading';
	const emit = (next: SyncStatus) => {
		if (closed || (status === next && next !== 'error')) return;
		status = next;
		options.onStatus(status, stop);
	};
	const settle = () => {
		if (stop) emit('error');
		else if (!navigator.onLine) emit('offline');
		else if (provider.synced) emit('synced');
		else if (provider.wsconnected || provider.wsconnecting) emit('connecting');
		else emit('offline');
	};

	provider.on('status', settle);
	provider.on('sync', settle);
	provider.on('closed', (event) => {
		stop = STOP_CODES[event.code] ?? 'not_found';
		settle();
	});
	provider.on('connection-close', (event) => {
		// 1009 (too large) is not in the 4400 range y-websocket stops on by itself.
		if (event?.code === 1009) {
			provider.shouldConnect = false;
			stop = 'too_large';
		}
		settle();
	});

	// Chromium keeps a socket "open" for a while when the network drops; the
	// browser's own signal is faster, and reconnecting on `online` skips backoff.
	const goOffline = () => {
		provider.disconnect();
		settle();
	};
	const goOnline = () => {
		if (!stop && !closed) provider.connect();
		settle();
	};
	window.addEventListener('offline', goOffline);
	window.addEventListener('online', goOnline);

	const timeout = new Promise<void>((resolve) => setTimeout(resolve, LOCAL_LOAD_TIMEOUT_MS));
	const loaded = Promise.race([local.loaded, timeout]).then(() => {
		if (closed) return;
		emit(navigator.onLine ? 'connecting' : 'offline');
		if (navigator.onLine) provider.connect();
	});

	return {
		doc,
		awareness: provider.awareness,
		loaded,
		close() {
			if (closed) return;
			closed = true;
			window.removeEventListener('offline', goOffline);
			window.removeEventListener('online', goOnline);
			// Tells the others we left (removes our cursor) before the socket closes.
			provider.awareness.setLocalState(null);
			provider.destroy();
			local.close();
			doc.destroy();
		}
	};
}
