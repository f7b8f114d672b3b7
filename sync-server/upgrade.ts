/**
 * Routes HTTP upgrades: `/sync/:docId` goes to the relay, anything else is refused.
 * One instance per process, shared by the production server and vite's dev server.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export interface SyncUpgrade {
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Persists everything pending and closes every socket. */
	close(): Promise<void>;
}

const KEY = Symbol.for('kohero.syncUpgrade');
type Holder = { [KEY]?: SyncUpgrade };

/** The process' upgrade handler, created on first use. */
export function syncUpgrade(): SyncUpgrade {
	const holder = globalThis as Holder;
	holder[KEY] ??= createSyncUpgrade();
	return holder[KEY];
}

function refuse(socket: Duplex, status: number, reason: string): void {
	socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function createSyncUpgrade(): SyncUpgrade {
	return {
		handleUpgrade(req, socket) {
			const path = new URL(req.url ?? '/', 'http://localhost').pathname;
			if (!path.startsWith('/sync/')) return refuse(socket, 404, 'Not Found');
			// The relay lands with the collaborative-workspace issue.
			refuse(socket, 503, 'Service Unavailable');
		},
		async close() {}
	};
}
