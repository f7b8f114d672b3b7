/**
 * The relay's integrity check on a writer's update: applied to the room's
 * document inside one transaction, inspected, and whatever breaks a rule is
 * undone in that same transaction. The document's 'update' event then carries
 * the update and its undoing together, so no one ever sees the refused change
 * as done; the writer gets the combined update back and converges too.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { DocKind, DocRole } from '../hooks';
import { inspect } from './inspect';
import { revert } from './revert';
import { schemaFor } from './schema';
import { soleClient, TxView } from './tx-view';

/** Marks a transaction in which the relay undid part of a writer's update. */
const COMPENSATED = Symbol.for('kohero.compensated');
/** Marks a transaction whose update had bytes left after its end (Yjs ignores them). */
const TRAILING = Symbol.for('kohero.trailing');

/** Who wrote the update, as the relay authenticated them. */
export interface CheckedWriter {
	userId: string;
	role: DocRole;
}

/** Documents whose owned roots were given their Yjs type (so entries can be put back). */
const typedDocs = new WeakSet<Y.Doc>();

/**
 * Applies `update` from `writer` (also the transaction origin) to `doc` and
 * reverts what the rules refuse. Returns how many changes were refused.
 */
export function applyChecked(doc: Y.Doc, kind: DocKind, update: Uint8Array, writer: CheckedWriter): number {
	const schema = schemaFor(kind);
	if (!typedDocs.has(doc)) {
		typedDocs.add(doc);
		for (const [name, rule] of Object.entries(schema)) if (rule.owned) typeAsArray(doc, name);
	}
	let refused = 0;
	// Structs left pending by earlier updates may be integrated now, under other clients.
	const writers = doc.store.pendingStructs === null ? soleClient(update) : null;
	Y.transact(
		doc,
		(tr) => {
			const decoder = decoding.createDecoder(update);
			Y.readUpdate(decoder, doc, writer);
			if (decoding.hasContent(decoder)) tr.meta.set(TRAILING, true);
			const view = new TxView(doc, tr, writers);
			if (view.added.length === 0 && view.deleted.length === 0) return;
			const fixes = inspect(view, schema, {
				userId: writer.userId,
				privileged: writer.role === 'owner' || writer.role === 'admin'
			});
			if (fixes.length === 0) return;
			revert(view, fixes);
			tr.meta.set(COMPENSATED, true);
			refused = fixes.length;
		},
		writer,
		false
	);
	return refused;
}

/** Whether the relay undid part of this transaction: its update must go back to the writer too. */
export function wasCompensated(tr: Y.Transaction | undefined): boolean {
	return tr?.meta.has(COMPENSATED) ?? false;
}

/** Whether the update applied in this transaction had bytes after its end: they must not be stored or relayed. */
export function hadTrailingBytes(tr: Y.Transaction): boolean {
	return tr.meta.has(TRAILING);
}

function typeAsArray(doc: Y.Doc, name: string): void {
	try {
		doc.getArray(name);
	} catch {
		// Already typed otherwise by an old client: its entries are then checked but not put back.
	}
}
