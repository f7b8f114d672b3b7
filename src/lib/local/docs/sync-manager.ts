/**
 * The browser's one sync manager: it knows every document on this device with
 * local updates the relay has not acknowledged (the IndexedDB copy compared
 * with the acknowledgement stored beside it, acks.ts) and sends each of them
 * at start-up and whenever the network returns, whatever page is open. A
 * document open in a workspace syncs through that workspace's own connection
 * and only reports its state here. A document whose creation is still in the
 * outbox waits for it (creations.ts).
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { KoheroDb } from '../db';
import { isAcknowledged, snapshotOf, trackAcks } from './acks';
import { waitForCreation } from './creations';
import { localDbName, openLocalCopy } from './local-copy';

/** What became of one document: nothing to send, sent and acknowledged, or why not. */
export type DocOutcome = 'clean' | 'acknowledged' | 'open' | 'offline' | 'refused' | 'failed';

export interface SyncManagerOptions {
	db: KoheroDb;
	/** The relay, e.g. `wss://kohero.fr/sync`. */
	serverUrl: string;
	WebSocketPolyfill?: typeof WebSocket;
	isOnline?: () => boolean;
	/** Ids of the documents kept on this device (default: IndexedDB's database names). */
	listDocIds?: () => Promise<string[]>;
	/** A document that does not answer within this time is tried again at the next sweep. */
	timeoutMs?: number;
	/** Documents synced at once. */
	parallel?: number;
}

export interface SyncReport {
	checked: number;
	acknowledged: number;
	/** Still unacknowledged after this run (offline, refused, failed, open elsewhere). */
	pending: number;
}

const PREFIX = localDbName('');

/** Every workspace copy kept in this browser's IndexedDB. */
async function docIdsInIndexedDb(): Promise<string[]> {
	if (!('databases' in indexedDB)) return [];
	return (await indexedDB.databases()).flatMap((info) =>
		info.name?.startsWith(PREFIX) ? [info.name.slice(PREFIX.length)] : []
	);
}

export class SyncManager {
	#opts: Required<Omit<SyncManagerOptions, 'WebSocketPolyfill'>> & Pick<SyncManagerOptions, 'WebSocketPolyfill'>;
	/** Documents known to hold unacknowledged local updates. */
	#pending = new Set<string>();
	/** Documents a workspace on this page has open (it syncs them itself). */
	#open = new Map<string, number>();
	#running = new Map<string, Promise<DocOutcome>>();
	#sweep: Promise<SyncReport> | null = null;
	#listeners = new Set<(pending: number, syncing: boolean) => void>();

	constructor(options: SyncManagerOptions) {
		this.#opts = {
			isOnline: () => navigator.onLine,
			listDocIds: docIdsInIndexedDb,
			timeoutMs: 30_000,
			parallel: 4,
			...options
		};
	}

	/** How many documents wait for the relay's acknowledgement. */
	get pendingCount(): number {
		return this.#pending.size;
	}

	/** Ids of the documents waiting for the relay's acknowledgement. */
	get pendingIds(): string[] {
		return [...this.#pending];
	}

	/** Called with the pending count (and whether a sweep runs) whenever it changes; returns the unsubscribe. */
	subscribe(listener: (pending: number, syncing: boolean) => void): () => void {
		this.#listeners.add(listener);
		listener(this.#pending.size, this.#sweep !== null);
		return () => this.#listeners.delete(listener);
	}

	#emit(): void {
		for (const listener of this.#listeners) listener(this.#pending.size, this.#sweep !== null);
	}

	/** Another person signed in: the previous one's documents are gone from this device. */
	clear(): void {
		this.#pending.clear();
		this.#emit();
	}

	/** A workspace reports whether its open document holds unacknowledged updates. */
	markPending(docId: string, pending: boolean): void {
		const had = this.#pending.has(docId);
		if (pending === had) return;
		if (pending) this.#pending.add(docId);
		else this.#pending.delete(docId);
		this.#emit();
	}

	/** A workspace opens `docId` (the manager leaves it alone until the returned release). */
	holdOpen(docId: string): () => void {
		this.#open.set(docId, (this.#open.get(docId) ?? 0) + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const count = (this.#open.get(docId) ?? 1) - 1;
			if (count > 0) this.#open.set(docId, count);
			else this.#open.delete(docId);
		};
	}

	/**
	 * Finds every document with unacknowledged local updates and syncs each
	 * (concurrent calls share one run). Resolves with what happened.
	 */
	syncAll(): Promise<SyncReport> {
		this.#sweep ??= this.#syncAll().finally(() => {
			this.#sweep = null;
			this.#emit();
		});
		this.#emit();
		return this.#sweep;
	}

	async #syncAll(): Promise<SyncReport> {
		const ids = await this.#opts.listDocIds();
		const queue = [...ids];
		let acknowledged = 0;
		const worker = async () => {
			for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
				if ((await this.syncDoc(id)) === 'acknowledged') acknowledged++;
			}
		};
		await Promise.all(Array.from({ length: this.#opts.parallel }, worker));
		return { checked: ids.length, acknowledged, pending: this.#pending.size };
	}

	/** Syncs one document if it holds unacknowledged updates (one run per document at a time). */
	syncDoc(docId: string): Promise<DocOutcome> {
		if (this.#open.has(docId)) return Promise.resolve('open');
		let run = this.#running.get(docId);
		if (!run) {
			run = this.#syncDoc(docId).finally(() => this.#running.delete(docId));
			this.#running.set(docId, run);
		}
		return run;
	}

	async #syncDoc(docId: string): Promise<DocOutcome> {
		const doc = new Y.Doc();
		const copy = openLocalCopy(localDbName(docId), doc);
		try {
			await copy.loaded;
			if (isAcknowledged(snapshotOf(doc), await copy.acked())) {
				this.markPending(docId, false);
				return 'clean';
			}
			this.markPending(docId, true);
			if (!this.#opts.isOnline()) return 'offline';
			const timeout = AbortSignal.timeout(this.#opts.timeoutMs);
			const creation = await waitForCreation(this.#opts.db, docId, timeout);
			if (creation === 'refused') return 'refused';
			if (creation === 'waiting') return 'failed';
			const acknowledged = await this.#exchange(docId, doc, (snapshot) => copy.setAcked(snapshot));
			if (!acknowledged) return 'failed';
			await copy.written();
			// A workspace may have opened it meanwhile: it reports for itself then.
			if (!this.#open.has(docId)) this.markPending(docId, false);
			return 'acknowledged';
		} catch (err) {
			console.error('kohero: syncing a document', docId, err);
			return 'failed';
		} finally {
			copy.close();
			doc.destroy();
		}
	}

	/** Connects `doc` to the relay until everything in it is acknowledged (true) or it fails (false). */
	#exchange(docId: string, doc: Y.Doc, store: (snapshot: Uint8Array) => Promise<void>): Promise<boolean> {
		const provider = new WebsocketProvider(this.#opts.serverUrl, docId, doc, {
			connect: false,
			disableBc: true,
			...(this.#opts.WebSocketPolyfill ? { WebSocketPolyfill: this.#opts.WebSocketPolyfill } : {})
		});
		let stored: Promise<void> = Promise.resolve();
		return new Promise<boolean>((resolve) => {
			const tracker = trackAcks(provider, {
				initial: Promise.resolve(null),
				onAck: (snapshot) => {
					stored = stored.then(() => store(snapshot));
				},
				onClean: (clean) => clean && finish(true)
			});
			const timer = setTimeout(() => finish(false), this.#opts.timeoutMs);
			// 4401/4404/1009: the relay will not take it now; the next sweep tries again.
			provider.on('closed', () => finish(false));
			provider.connect();
			let finished = false;
			function finish(ok: boolean) {
				if (finished) return;
				finished = true;
				clearTimeout(timer);
				tracker.destroy();
				provider.destroy();
				stored.then(
					() => resolve(ok),
					() => resolve(false)
				);
			}
		});
	}
}
