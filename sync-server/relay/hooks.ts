/**
 * The seams between the protocol loop and the world. The loop (room.ts,
 * connection.ts) knows nothing about SQLite, cookies or processes: it calls
 * these interfaces, and upgrade.ts plugs in the SQLite/session implementations.
 */
import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';

import { CloseCode, type DocKind, type Role } from '$lib/domain/sync-contract';

/** Close codes of API.md's "Collaborative documents" section (the shared contract's). */
export { CloseCode };

/** Which document shape a doc id names (API.md: initiative workspace or meeting mode). */
export type { DocKind };

/** An initiative role, or null for a signed-in non-member. */
export type DocRole = Role | null;

/** Who is connecting and what they may do, or why they may not connect. */
export type Access =
	| {
			ok: true;
			userId: string;
			/** The session the socket was opened with: when it ends, the socket closes (4401). */
			sessionId: string;
			/** The signed-in person's display name (the relay writes it into their presence). */
			displayName: string;
			/** Role in the document's initiative (for a meeting: its initiative's). */
			role: DocRole;
			canWrite: boolean;
			docKind: DocKind;
	  }
	| { ok: false; code: typeof CloseCode.unauthenticated | typeof CloseCode.unknownDoc | typeof CloseCode.forbidden };

/** Where documents are kept: an append-only update log plus snapshots. */
export interface DocStore {
	/** Every stored update of `docId` (snapshot first), fully read before resolving. */
	load(docId: string): Promise<Uint8Array[]>;
	/**
	 * Durably appends one update; resolves once it is committed, in append order.
	 * Appends committed together return the same promise (the room batches on it).
	 */
	append(docId: string, update: Uint8Array, authorId: string | null): Promise<void>;
	/** The document left memory: a chance to compact and drop caches. */
	release(docId: string): Promise<void>;
	/** Resolves once everything appended so far is committed and where the store's every reader finds it. */
	flush(): Promise<void>;
}

/** What the relay asks of its host, and tells it. */
export interface RelayHooks {
	/** Decides, at upgrade time, whether and how a request may use `docId`. */
	authorize(req: IncomingMessage, docId: string): Promise<Access>;
	/** The document store (load, store, release). */
	store: DocStore;
	/** A writer's update to `docId` was committed (debounced activity, metrics). */
	onChange(docId: string, authorId: string): void;
	/**
	 * Optional: called once a document is loaded in memory, to observe its Y.Doc
	 * (e.g. new messages → activity). Transactions from a writer carry a `Peer`
	 * origin (see `writerOf`); the server's own edits carry `SERVER_ORIGIN`.
	 * Returns what to call when the document leaves memory.
	 */
	watch?(docId: string, docKind: DocKind, doc: Y.Doc): () => void;
	/**
	 * Optional: when the session `sessionId` expires (ms since epoch), or null when
	 * it no longer exists. The relay asks at connect and again at that moment, and
	 * closes the socket (4401) once it has expired.
	 */
	sessionExpiry?(sessionId: string): number | null;
}

/** Transaction origin of edits the server makes itself (moderation, restores, compensation). */
export const SERVER_ORIGIN = Symbol.for('kohero.serverEdit');

/** One frame for the peers of a document, tagged with the connection it came from. */
export interface FanoutFrame {
	docId: string;
	frame: Uint8Array;
	/** Opaque id of the sending connection, so it is not echoed back to it. */
	originId: string | null;
}

/**
 * Cross-client fan-out of a document's frames. In one process it is a direct
 * call; several relay processes would publish on a Redis channel per document
 * (and then apply remote frames to their own copy of the doc).
 */
export interface Fanout {
	publish(message: FanoutFrame): void;
	/** Delivers every frame of `docId`; returns the unsubscribe function. */
	subscribe(docId: string, deliver: (message: FanoutFrame) => void): () => void;
}
