/**
 * A writer's update is committed and relayed as the writer sent it whenever the
 * document took in exactly that update. Yjs would otherwise encode each
 * transaction's changes again for the document's 'update' listener: a second
 * encoding of what the relay has just decoded, on every update (bench/RESULTS.md,
 * turn 14). When the transaction is not exactly the update — the relay undid part
 * of it, part of it waits for what it depends on, it brought in structs that were
 * waiting from earlier updates, the document already had some of it, or bytes follow
 * its end (Yjs ignores them; they would be stored and relayed with it) — the room
 * listens to 'update' for that transaction and Yjs encodes what it did, as before.
 */
import type * as Y from 'yjs';
import { hadTrailingBytes, updateHead, wasCompensated } from './integrity';

/** A writer's update while the room applies it. */
export interface SentUpdate {
	update: Uint8Array;
	/** Whether structs or deletions were waiting in the document before it. */
	waitingBefore: boolean;
}

const hasWaiting = (doc: Y.Doc): boolean => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/** Notes `update` as sent, before `doc` applies it. */
export function sentUpdate(doc: Y.Doc, update: Uint8Array): SentUpdate {
	return { update, waitingBefore: hasWaiting(doc) };
}

/**
 * Whether `tr` (done, before its cleanup ends) took in exactly `sent`: structs of one
 * client starting at the clock the document had reached for it (so none was already
 * there), none left waiting nor brought in from earlier, nothing undone by the relay,
 * nothing after its end.
 * Deletions it repeats are harmless to store and relay again, as Yjs would apply them.
 */
export function tookExactly(doc: Y.Doc, tr: Y.Transaction, sent: SentUpdate): boolean {
	if (sent.waitingBefore || hasWaiting(doc) || wasCompensated(tr) || hadTrailingBytes(tr)) return false;
	const { clients, client, clock } = updateHead(sent.update);
	return clients === 1 && (tr.beforeState.get(client) ?? 0) === clock && (tr.afterState.get(client) ?? 0) > clock;
}
