/**
 * The seams between the protocol loop and the world. The loop (room.ts,
 * connection.ts) knows nothing about SQLite, cookies or processes: it calls
 * these interfaces, and upgrade.ts plugs in the SQLite/session implementations.
 */
import type { IncomingMessage } from 'node:http';

/** Close codes of API.md's "Collaborative documents" section. */
export const CloseCode = {
	goingAway: 1001,
	malformed: 1007,
	tooBig: 1009,
	internal: 1011,
	unauthenticated: 4401,
	unknownDoc: 4404
} as const;

/** Who is connecting and what they may do, or why they may not connect. */
export type Access =
	| { ok: true; userId: string; canWrite: boolean }
	| { ok: false; code: typeof CloseCode.unauthenticated | typeof CloseCode.unknownDoc };

/** Where documents are kept: an append-only update log plus snapshots. */
export interface DocStore {
	/** Every stored update of `docId` (snapshot first), fully read before resolving. */
	load(docId: string): Promise<Uint8Array[]>;
	/** Durably appends one update; resolves once it is committed, in append order. */
	append(docId: string, update: Uint8Array, authorId: string): Promise<void>;
	/** The document left memory: a chance to compact and drop caches. */
	release(docId: string): Promise<void>;
	/** Resolves once everything appended so far is committed. */
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
}

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
