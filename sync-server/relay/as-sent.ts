/**
 * A writer's update is committed and relayed as the writer sent it whenever the
 * document took in exactly that update. Yjs would otherwise encode each
 * transaction's changes again for the document's 'update' listener: a second
 * encoding of what the relay has just decoded, on every update (bench/RESULTS.md,
 * turn 14). When the transaction is not exactly the update — the relay undid part
 * of it, part of it waits for what it depends on, it brought in structs that were
 * waiting from earlier updates, the document already had some of it, or bytes follow
 * its end (Yjs ignores them; they would be stored and relayed with it) — an 'update'
 * listener is set for that transaction alone and Yjs encodes what it did, as before.
 */
import type * as Y from 'yjs';
import { hadTrailingBytes, updateHead, wasCompensated } from './integrity';

/** A writer's update while the document applies it. */
interface SentUpdate {
	update: Uint8Array;
	/** The transaction origin it is applied with. */
	origin: unknown;
	/** Whether structs or deletions were waiting in the document before it. */
	waitingBefore: boolean;
}

const hasWaiting = (doc: Y.Doc): boolean => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/**
 * Whether `tr` (done, before its cleanup ends) took in exactly `sent`: applied with its
 * origin, structs of one client starting at the clock the document had reached for it (so
 * none was already there), none left waiting nor brought in from earlier, nothing undone
 * by the relay, nothing after its end.
 * Deletions it repeats are harmless to store and relay again, as Yjs would apply them.
 */
function tookExactly(doc: Y.Doc, tr: Y.Transaction, sent: SentUpdate): boolean {
	if (tr.origin !== sent.origin || sent.waitingBefore || hasWaiting(doc) || wasCompensated(tr) || hadTrailingBytes(tr)) return false;
	const { clients, client, clock } = updateHead(sent.update);
	return clients === 1 && (tr.beforeState.get(client) ?? 0) === clock && (tr.afterState.get(client) ?? 0) > clock;
}

/** Hands each transaction of a document that changed it to `onChange`, with its update: as sent when exact, else as Yjs encodes it. */
export class TransactionUpdates {
	#sent: SentUpdate | null = null;

	constructor(
		private readonly doc: Y.Doc,
		private readonly onChange: (update: Uint8Array, tr: Y.Transaction) => void
	) {}

	/** From now on (not before: with an 'update' listener, Yjs would encode a load's whole state once more). */
	listen(): void {
		this.doc.on('afterTransactionCleanup', this.#afterTransaction);
	}

	/** Runs `apply`, which applies a writer's `update` with transaction origin `origin`. */
	applying<T>(update: Uint8Array, origin: unknown, apply: () => T): T {
		this.#sent = { update, origin, waitingBefore: hasWaiting(this.doc) };
		try {
			return apply();
		} finally {
			this.#sent = null;
		}
	}

	readonly #afterTransaction = (tr: Y.Transaction): void => {
		// Set for the transaction before, if it changed nothing (no 'update' then): not for this one.
		this.doc.off('update', this.#encoded);
		if (this.#sent !== null && tookExactly(this.doc, tr, this.#sent)) this.onChange(this.#sent.update, tr);
		// Yjs fires 'update' right after this event, if the transaction changed anything.
		else this.doc.on('update', this.#encoded);
	};

	readonly #encoded = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction): void => this.onChange(update, tr);
}
