/** One WebSocket connection to one document, with who opened it and what they may do. */
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { CloseCode, type Access, type DocRole } from './hooks';
import { MAX_SEND_BUFFER_BYTES, MAX_SYNC_REPEATS } from './limits';
import { countRejected } from './metrics';
import { holdWritesThisTurn, writeTogetherNow } from './tick-writes';

export class Peer {
	/**
	 * Opaque id used to avoid echoing a peer's own frames back to it. Node builds randomUUID()
	 * by concatenation, a rope V8 walks character by character in each `!==` between two ids
	 * (29 vs 3.4 ns hot; a broadcast compares ids per peer, per frame in a crowded room): copied
	 * once into one flat string.
	 */
	readonly id = Buffer.from(randomUUID(), 'latin1').toString('latin1');
	/** Awareness client ids announced over this socket, removed when it closes. */
	readonly controlledClients = new Set<number>();
	/** Cleared on every ping, set by the pong: a peer that stays false is dead. */
	alive = true;
	/** When it last sent a frame, on the heartbeat's clock (heartbeat.ts). */
	heardInTick = -Infinity;

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

	/** A full-state sync reply is on its way (API.md: at most one per socket). */
	#syncInFlight = false;
	/** Requests for another one meanwhile. */
	#syncRepeats = 0;
	/** The latest request made meanwhile: answered once the reply in flight has left (older ones are covered by it). */
	#queuedSync: Uint8Array | null = null;

	/**
	 * Claims the socket's one full-state reply for `stateVector`; false while one is
	 * in flight, in which case the request waits (only the latest is kept). A socket
	 * that keeps asking before it has read the reply is closed with 1013.
	 */
	claimSyncReply(stateVector: Uint8Array): boolean {
		if (!this.#syncInFlight) {
			this.#syncInFlight = true;
			return true;
		}
		this.#queuedSync = stateVector;
		if (++this.#syncRepeats > MAX_SYNC_REPEATS) this.close(CloseCode.tryAgainLater, 'asks faster than it reads');
		return false;
	}

	/** The full-state reply left (or could not): returns the request that waited for it, if any. */
	releaseSyncReply(): Uint8Array | null {
		this.#syncInFlight = false;
		this.#syncRepeats = 0;
		const next = this.#queuedSync;
		this.#queuedSync = null;
		return next;
	}

	/**
	 * Sends one frame; a failed send closes the socket rather than throwing. A
	 * socket that does not read (over MAX_SEND_BUFFER_BYTES queued) is closed with 1013.
	 * `sent` runs once the frame left the process' buffers, or could not.
	 */
	send(frame: Uint8Array, sent?: () => void): void {
		if (!this.#writable()) return sent?.();
		// Written with the other frames of this turn in one system call; a failed write
		// errors the socket, which ws then closes.
		holdWritesThisTurn(this.ws);
		if (sent) this.ws.send(frame, () => sent());
		else this.ws.send(frame);
	}

	/** Sends `frames` in order, in one system call made now (same checks as `send`). */
	sendNow(frames: readonly Uint8Array[]): void {
		writeTogetherNow(this.ws, () => {
			for (const frame of frames) if (this.#writable()) this.ws.send(frame);
		});
	}

	/** Whether a frame may be queued: the socket is open and its reader keeps up (else it is closed). */
	#writable(): boolean {
		if (this.ws.readyState !== WebSocket.OPEN) return false;
		if (this.ws.bufferedAmount > MAX_SEND_BUFFER_BYTES) {
			countRejected('slowReader');
			this.close(CloseCode.tryAgainLater, 'not reading');
			return false;
		}
		return true;
	}

	/** Closes this socket only. */
	close(code: number, reason = ''): void {
		if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
			this.ws.close(code, reason);
		}
	}
}
