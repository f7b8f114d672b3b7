/** One WebSocket connection to one document, with who opened it and what they may do. */
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import type { Access, DocRole } from './hooks';
import { holdWritesThisTurn } from './tick-writes';

export class Peer {
	/** Opaque id used to avoid echoing a peer's own frames back to it. */
	readonly id = randomUUID();
	/** Awareness client ids announced over this socket, removed when it closes. */
	readonly controlledClients = new Set<number>();
	/** Cleared on every ping, set by the pong: a peer that stays false is dead. */
	alive = true;

	readonly userId: string;
	readonly sessionId: string;
	readonly displayName: string;
	/** Role in the initiative; changes with membership. */
	role: DocRole;
	/** Members write; signed-in non-members only read. Changes with membership. */
	canWrite: boolean;

	constructor(
		readonly ws: WebSocket,
		access: Extract<Access, { ok: true }>
	) {
		this.userId = access.userId;
		this.sessionId = access.sessionId;
		this.displayName = access.displayName;
		this.role = access.role;
		this.canWrite = access.canWrite;
	}

	/**
	 * Sends one frame, written with the other frames of this turn in one system call.
	 * A failed write errors the socket, which ws then closes: no callback per frame.
	 */
	send(frame: Uint8Array): void {
		if (this.ws.readyState !== WebSocket.OPEN) return;
		holdWritesThisTurn(this.ws);
		this.ws.send(frame);
	}

	/** Closes this socket only. */
	close(code: number, reason = ''): void {
		if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
			this.ws.close(code, reason);
		}
	}
}
