/**
 * A Yjs transaction seen from inside, before its cleanup: which items it added,
 * which pre-existing items it deleted (their content is still there until the
 * cleanup collects it), and what a keyed value was before it started.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Any Yjs type, seen through the map of its keyed children. */
export type KeyedType = Pick<Y.AbstractType<unknown>, '_map'>;

export class TxView {
	/** Items created in this transaction (still alive or not). */
	readonly added: Y.Item[] = [];
	/** Items that existed before and are deleted by this transaction. */
	readonly deleted: Y.Item[] = [];
	readonly #deletedNow = new Set<Y.Item>();

	/**
	 * `writers`: the only clients that can have new structs, when known (see
	 * `soleClient`); otherwise every client of the document is looked at.
	 */
	constructor(readonly doc: Y.Doc, readonly tr: Y.Transaction, writers: readonly number[] | null = null) {
		const collect = (structs: (Y.Item | Y.GC)[], client: number) => {
			const before = tr.beforeState.get(client) ?? 0;
			const last = structs[structs.length - 1];
			if (last.id.clock + last.length <= before) return;
			// Structs are merged only in the cleanup: a new one starts exactly at `before`.
			for (let i = before === 0 ? 0 : Y.findIndexSS(structs, before); i < structs.length; i++) {
				const struct = structs[i];
				if (struct instanceof Y.Item) this.added.push(struct);
			}
		};
		if (writers === null) doc.store.clients.forEach(collect);
		else for (const client of writers) {
			const structs = doc.store.clients.get(client);
			if (structs) collect(structs, client);
		}
		if (tr.deleteSet.clients.size === 0) return;
		Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
			if (!(struct instanceof Y.Item)) return;
			this.#deletedNow.add(struct);
			if (!this.isNew(struct)) this.deleted.push(struct);
		});
	}

	/** Whether `item` was created in this transaction. */
	isNew(item: Y.Item): boolean {
		return item.id.clock >= (this.tr.beforeState.get(item.id.client) ?? 0);
	}

	/** Whether `item` was visible before the transaction. */
	existedBefore(item: Y.Item): boolean {
		return !this.isNew(item) && (!item.deleted || this.#deletedNow.has(item));
	}

	/** The item holding `key` of a keyed type before the transaction, or null when the key was unset. */
	itemBefore(type: KeyedType, key: string): Y.Item | null {
		let item = type._map.get(key) ?? null;
		// Earlier values of a key sit to the left of its latest one.
		while (item !== null && this.isNew(item)) item = item.left;
		return item !== null && this.existedBefore(item) ? item : null;
	}

	/** The plain value of `key` before the transaction (undefined when unset or not a plain value). */
	valueBefore(type: KeyedType, key: string): unknown {
		const item = this.itemBefore(type, key);
		return item ? plainValue(item) : undefined;
	}
}

/** The header of a (v1) update: how many clients it carries structs of, and the first one's id and first clock (-1 when none). */
export function updateHead(update: Uint8Array): { clients: number; client: number; clock: number } {
	const decoder = decoding.createDecoder(update);
	const clients = decoding.readVarUint(decoder);
	if (clients === 0) return { clients, client: -1, clock: -1 };
	decoding.readVarUint(decoder); // how many structs
	return { clients, client: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder) };
}

/**
 * The clients a (v1) update carries structs of, when it is cheap to tell: an
 * update of one client (what a client sends as it edits) names it in its
 * header. Null when it carries several (sync step 2): then look at all.
 */
export function soleClient(update: Uint8Array): number[] | null {
	const { clients, client } = updateHead(update);
	if (clients === 0) return [];
	return clients > 1 ? null : [client];
}

/** The last plain value an item holds (a string, number, boolean…), or undefined for types. */
export function plainValue(item: Y.Item): unknown {
	if (item.content instanceof Y.ContentType || item.content instanceof Y.ContentDeleted) return undefined;
	const values = item.content.getContent();
	return values[values.length - 1];
}

/** The Y.Map an item holds, if it holds one. */
export function mapOf(item: Y.Item): Y.Map<unknown> | null {
	return item.content instanceof Y.ContentType && item.content.type instanceof Y.Map
		? (item.content.type as Y.Map<unknown>)
		: null;
}
