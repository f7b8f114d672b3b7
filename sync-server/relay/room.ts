/**
 * One loaded document: its Y.Doc, awareness and peers. Runs the y-websocket
 * protocol for it. Writers' updates are applied, committed through the
 * DocStore, and only then fanned out; nothing uncommitted is ever sent.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { log } from '$lib/log';
import { CloseCode, SERVER_ORIGIN, type DocKind, type DocRole, type Fanout, type FanoutFrame, type RelayHooks } from './hooks';
import { countRejected, metrics, recordPersisted } from './metrics';
import { Peer } from './peer';
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol';
import { applyChecked, onlyDeletes, screenPresence, wasCompensated, writeQuota } from './integrity';
import type { Backlogged, TurnBudget } from './turn-budget';
import { mergeBatch, sharedOrigin } from './merge-batch';
import { IncomingBacklog } from './incoming-backlog';
import { CROWDED_ROOM_PEERS, CrowdBroadcast, type CrowdBroadcastOptions } from './crowd-broadcast';
import { TransactionUpdates } from './as-sent';
import { CommitBatches, type CommitBatch } from './commit-batches';

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** What a room needs from its relay. */
export interface RoomContext {
	hooks: RelayHooks;
	fanout: Fanout;
	maxDocBytes: number;
	/** The relay's work per turn of the event loop, shared by its rooms. */
	budget: TurnBudget;
	/** Called when the last peer left. */
	onEmpty: (room: Room) => void;
	/** The relay's time per turn for writing crowded rooms' broadcasts, shared by its rooms. */
	writeBudget: TurnBudget;
	/** How rooms with many peers broadcast (crowd-broadcast.ts; defaults there). */
	crowd?: CrowdBroadcastOptions;
}

export class Room implements Backlogged {
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly peers = new Set<Peer>();
	#loaded = false;
	#failed = false;
	/** Frames that arrived before the document was loaded, in arrival order. */
	#queued: { peer: Peer; data: Uint8Array }[] = [];
	/** Frames read past the turn's budget, for later turns. */
	readonly #backlog = new IncomingBacklog<Peer>();
	/** The updates applied and not yet committed, by group commit. */
	readonly #commits = new CommitBatches(
		(batch) => this.#committed(batch),
		(err) => this.#persistFailed(err)
	);
	/** Upper estimate of the encoded document size, re-measured near the limit. */
	#sizeEstimate = 0;
	readonly #unsubscribe: () => void;
	/** Broadcasts once the room is crowded (and until what it holds has left). */
	readonly #crowd: CrowdBroadcast;
	readonly #crowdedFrom: number;

	private readonly hooks: RelayHooks;
	private readonly fanout: Fanout;
	private readonly maxDocBytes: number;
	private readonly budget: TurnBudget;
	private readonly onEmpty: (room: Room) => void;

	#unwatch: (() => void) | null = null;

	constructor(readonly docId: string, readonly docKind: DocKind, context: RoomContext) {
		this.hooks = context.hooks;
		this.fanout = context.fanout;
		this.maxDocBytes = context.maxDocBytes;
		this.budget = context.budget;
		this.onEmpty = context.onEmpty;
		this.#crowd = new CrowdBroadcast(this.peers, context.writeBudget.hasTime, context.crowd);
		this.#crowdedFrom = context.crowd?.fromPeers ?? CROWDED_ROOM_PEERS;
		// The relay itself is not a participant: no presence of its own.
		this.awareness.setLocalState(null);
		this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.#onAwareness(change, origin));
		this.#unsubscribe = this.fanout.subscribe(docId, (message) => this.#deliver(message));
		metrics.loadedDocs++;
	}

	#loading: Promise<void> | null = null;

	/**
	 * Every change once the document is loaded: a writer's or the server's is committed,
	 * then sent (a writer's update as it came when the document took in exactly it: as-sent.ts).
	 */
	readonly #changes = new TransactionUpdates(this.doc, (update, tr) => {
		const origin = tr.origin;
		// An update the relay partly undid goes back to its writer too, so it converges.
		if (origin instanceof Peer) this.#persist(update, origin.userId, wasCompensated(tr) ? null : origin.id);
		else if (origin === SERVER_ORIGIN) this.#persist(update, null, null);
	});

	/** Reads the whole document from the store (once); peers' frames wait until it is done. */
	load(): Promise<void> {
		this.#loading ??= this.#load();
		return this.#loading;
	}

	async #load(): Promise<void> {
		try {
			const updates = await this.hooks.store.load(this.docId);
			this.doc.transact(() => {
				for (const update of updates) Y.applyUpdate(this.doc, update);
			});
			// Listened to from now on: with an 'update' listener, Yjs would encode all it just loaded
			// as one more update (~60 ms of a 300 ms load for a 1 MB workspace of 5000 messages).
			this.#changes.listen();
			this.#sizeEstimate = updates.reduce((sum, u) => sum + u.byteLength, 0);
		} catch (err) {
			this.#failed = true;
			log.error('relay_load_failed', { docId: this.docId, error: String(err) });
			for (const peer of this.peers) peer.close(CloseCode.internal, 'load failed');
			return;
		}
		this.#loaded = true;
		this.#unwatch = this.hooks.watch?.(this.docId, this.docKind, this.doc) ?? null;
		for (const peer of this.peers) this.#greet(peer);
		const queued = this.#queued;
		this.#queued = [];
		for (const { peer, data } of queued) if (this.peers.has(peer)) this.receive(peer, data);
	}

	/** Adds a connected peer; it is greeted as soon as the document is loaded. */
	attach(peer: Peer): void {
		this.peers.add(peer);
		if (this.#failed) peer.close(CloseCode.internal, 'load failed');
		else if (this.#loaded) this.#greet(peer);
	}

	/** Removes a peer and, at once, the presence it controlled. */
	detach(peer: Peer): void {
		if (!this.peers.delete(peer)) return;
		this.#backlog.forget(peer);
		if (peer.controlledClients.size > 0) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.controlledClients], null);
		}
		if (this.peers.size === 0) {
			// What the last writers sent is applied before the room may unload.
			this.drainAll();
			this.onEmpty(this);
		}
	}

	/**
	 * Handles one binary frame from `peer` (a malformed one closes that peer only), now
	 * if the turn's budget allows, else in a later turn, after the frames already waiting.
	 */
	receive(peer: Peer, data: Uint8Array): void {
		if (!this.#loaded) {
			this.#queued.push({ peer, data });
			return;
		}
		if (this.#backlog.waiting || !this.budget.fits(data.byteLength)) {
			this.#backlog.push(peer, data);
			this.#later();
			return;
		}
		this.#handleSafely(peer, data);
	}

	/**
	 * Handles waiting frames while the turn has room for them (the first one whatever the
	 * time, unless it needs a turn of its own: turn-budget.ts); true once none are left.
	 */
	drain(): boolean {
		const done = this.#drainWhile((data, first) => this.budget.fits(data.byteLength, first));
		if (!done) this.#later();
		return done;
	}

	#drainWhile(fits: (data: Uint8Array, first: boolean) => boolean): boolean {
		return this.#backlog.drain(fits, (peer, data) => {
			if (this.peers.has(peer)) this.#handleSafely(peer, data);
			// A writer that left meanwhile: its updates still count (its presence went with it).
			else if (data[0] === 0 && data[1] !== 0) this.#handleSafely(peer, data);
		});
	}

	/** Frames wait: handled in later turns, first in one if the next needs a turn of its own. */
	#later(): void {
		this.budget.later(this, this.#backlog.next?.byteLength);
	}

	/** Handles every waiting frame now, big ones too (the last peer left, the relay closes). */
	drainAll(): void {
		this.#drainWhile(() => true);
		this.budget.forget(this);
	}

	#handleSafely(peer: Peer, data: Uint8Array): void {
		try {
			this.#handle(peer, data);
		} catch (err) {
			countRejected('malformed');
			log.warn('relay_malformed_message', { connectionId: peer.id, docId: this.docId, error: String(err) });
			peer.close(CloseCode.malformed, 'malformed message');
		}
	}

	/** Resolves once every update accepted so far is committed. */
	settled(): Promise<void> {
		return this.#commits.settled;
	}

	/** Frees the document; the room must not be used afterwards. */
	destroy(): void {
		this.budget.forget(this);
		this.#backlog.clear();
		this.#unwatch?.();
		this.#unsubscribe();
		this.#crowd.close();
		this.awareness.destroy();
		this.doc.destroy();
		metrics.loadedDocs--;
	}

	/** Lets a membership change apply to open sockets at once. */
	setRole(userId: string, role: DocRole): void {
		for (const peer of this.peers) {
			if (peer.userId !== userId) continue;
			peer.role = role;
			peer.canWrite = role !== null;
			// Meeting documents are for members only: a former member stops reading too.
			if (role === null && this.docKind === 'meeting') peer.close(CloseCode.forbidden, 'not a member');
		}
	}

	/**
	 * Applies an edit made by the server itself (moderation, restore, compensation)
	 * through the same path as a writer's update: committed, then sent to every peer.
	 * Resolves once it is committed.
	 */
	async editAsServer(edit: (doc: Y.Doc) => void): Promise<void> {
		if (!this.#loaded) throw new Error('document not loaded');
		this.doc.transact(() => edit(this.doc), SERVER_ORIGIN);
		await this.#commits.settled;
	}

	/** Upper estimate of the encoded document size (for the heap budget). */
	get sizeEstimate(): number {
		return this.#sizeEstimate;
	}

	/** Whether the document was read from the store and is usable. */
	get ready(): boolean {
		return this.#loaded && !this.#failed;
	}

	#greet(peer: Peer): void {
		peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
		const clients = [...this.awareness.getStates().keys()];
		if (clients.length > 0) peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
	}

	/**
	 * Answers a sync step 1. One full-state reply in flight per socket: a request
	 * meanwhile waits and is answered once the reply has left (only the latest is
	 * kept), so a client's acknowledgement probe is never lost and a socket that
	 * does not read cannot make the relay queue copy after copy.
	 */
	#answerSync(peer: Peer, stateVector: Uint8Array): void {
		if (!peer.claimSyncReply(stateVector)) {
			countRejected('syncInFlight');
			return;
		}
		const sent = (): void => {
			const next = peer.releaseSyncReply();
			if (next && this.peers.has(peer)) this.#answerSync(peer, next);
		};
		// Computed now, sent once what it contains is committed and in the store for every reader
		// (a quiet relay's commits reach SQLite after their broadcast: store/update-journal.ts).
		const reply = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
		const send = (): void => peer.send(reply, sent);
		// A failed flush loses nothing committed (the store logs it): the reply goes all the same.
		void this.#commits.settled.then(() => this.hooks.store.flush()).then(send, send);
	}

	#handle(peer: Peer, data: Uint8Array): void {
		const message = decodeClientMessage(data);
		switch (message.kind) {
			case 'syncStep1':
				this.#answerSync(peer, message.stateVector);
				break;
			case 'update':
				this.#applyFromPeer(peer, message.update);
				break;
			case 'awareness': {
				const update = screenPresence(message.update, peer, this.peers);
				if (update) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
				else countRejected('presence');
				break;
			}
			case 'queryAwareness': {
				const clients = [...this.awareness.getStates().keys()];
				peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
				break;
			}
		}
	}

	#applyFromPeer(peer: Peer, update: Uint8Array): void {
		if (!peer.canWrite) {
			// Readers may sync, but what they send is neither stored nor relayed.
			countRejected('readOnly');
			return;
		}
		// Deletions are always welcome: they are how a full document makes room.
		const deletesOnly = onlyDeletes(update);
		if (!deletesOnly && this.#sizeEstimate + update.byteLength > this.maxDocBytes) {
			// The estimate only grows; measure for real before refusing.
			this.#sizeEstimate = Y.encodeStateAsUpdate(this.doc).byteLength;
			if (this.#sizeEstimate + update.byteLength > this.maxDocBytes) {
				countRejected('docTooBig');
				peer.close(CloseCode.tooBig, 'document too large');
				return;
			}
		}
		if (!deletesOnly && !writeQuota().charge(this.docId, peer.userId, update.byteLength)) {
			countRejected('quota');
			peer.close(CloseCode.tooBig, 'write quota');
			return;
		}
		this.#sizeEstimate += update.byteLength;
		// Commits and sends (#changes) only what is new to the document, minus what breaks a rule.
		const refused = this.#changes.applying(update, peer, () => applyChecked(this.doc, this.docKind, update, peer));
		if (refused > 0) countRejected('integrity');
	}

	/**
	 * Stores `update` (by `authorId`, null for the server), then fans it out to all but `originId`.
	 * Updates the store commits together form one batch (commit-batches.ts): one metrics
	 * update and one activity touch per author per batch.
	 */
	#persist(update: Uint8Array, authorId: string | null, originId: string | null): void {
		this.#commits.add(this.hooks.store.append(this.docId, update, authorId), { update, authorId, originId });
	}

	/**
	 * Sends a committed batch as ONE frame per peer (Hocuspocus PR #1130's lesson): a loop
	 * that fell behind commits bigger batches, and a frame per update per peer would make
	 * each turn longer still. Several senders in one batch get their own updates back inside
	 * the merged frame (Yjs ignores what it has, as with the reference relay's echo).
	 */
	#committed(batch: CommitBatch): void {
		const { entries } = batch;
		recordPersisted(entries, performance.now() - batch.startedAt);
		if (this.#throughCrowd) {
			// The crowd merges all that waits for its next broadcast, these included: merged here too, they would be merged twice.
			for (const { update, originId } of entries) this.fanout.publish({ docId: this.docId, frame: encodeUpdate(update), originId });
		} else {
			const update = mergeBatch(entries.map((e) => e.update));
			this.fanout.publish({ docId: this.docId, frame: encodeUpdate(update), originId: sharedOrigin(entries) });
		}
		let lastAuthor: string | null = null;
		for (const { authorId } of entries) {
			if (authorId !== null && authorId !== lastAuthor) this.hooks.onChange(this.docId, (lastAuthor = authorId));
		}
	}

	#persistFailed(err: unknown): void {
		// The peers hold the updates; closing makes them resend them on reconnect.
		log.error('relay_persist_failed', { docId: this.docId, error: String(err) });
		for (const peer of this.peers) peer.close(CloseCode.internal, 'persist failed');
	}

	#onAwareness({ added, updated, removed }: AwarenessChange, origin: unknown): void {
		if (origin instanceof Peer) {
			for (const id of added) origin.controlledClients.add(id);
			for (const id of removed) origin.controlledClients.delete(id);
		}
		const changed = [...added, ...updated, ...removed];
		if (changed.length === 0) return;
		const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
		this.fanout.publish({ docId: this.docId, frame, originId: origin instanceof Peer ? origin.id : null });
	}

	/** A crowded room coalesces its broadcasts; once it thins out, frames still queue behind what it holds. */
	get #throughCrowd(): boolean {
		return this.peers.size >= this.#crowdedFrom || this.#crowd.busy;
	}

	#deliver({ frame, originId }: FanoutFrame): void {
		if (this.#throughCrowd) this.#crowd.publish(frame, originId);
		else for (const peer of this.peers) if (peer.id !== originId) peer.send(frame);
	}
}
