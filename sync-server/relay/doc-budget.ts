/**
 * A heap budget for loaded documents (API.md "Memory"): a loaded Y.Doc costs
 * far more heap than its encoded size when it holds many small items
 * (bench/doc-heap.ts), so the relay estimates each document's heap from its
 * item count, unloads the least recently used idle documents when the total
 * passes the budget, and refuses to load more (1013) while it still does.
 */
import type * as Y from 'yjs';

/** Heap per Yjs struct (item object, id, content), measured by bench/doc-heap.ts, rounded up. */
export const HEAP_PER_STRUCT_BYTES = 400;
/** Default budget for all loaded documents together (KOHERO_DOC_HEAP_BUDGET_BYTES). */
export const DEFAULT_DOC_HEAP_BUDGET_BYTES = 1024 * 1024 * 1024;

/** Estimated heap of a loaded document: its structs, plus the content its encoding carries. */
export function estimateDocHeap(doc: Y.Doc, encodedBytes: number): number {
	let structs = 0;
	doc.store.clients.forEach((list) => (structs += list.length));
	return structs * HEAP_PER_STRUCT_BYTES + encodedBytes;
}

/** The estimates of the loaded documents, in least-recently-used order. */
export class DocBudget {
	/** Insertion order is use order: a touched entry moves to the end. */
	readonly #docs = new Map<string, number>();
	#total = 0;

	constructor(readonly limitBytes: number) {}

	/** Records (or updates) the estimate of `docId` and marks it used. */
	set(docId: string, bytes: number): void {
		this.delete(docId);
		this.#docs.set(docId, bytes);
		this.#total += bytes;
	}

	/** Marks `docId` used now. */
	touch(docId: string): void {
		const bytes = this.#docs.get(docId);
		if (bytes !== undefined) this.set(docId, bytes);
	}

	delete(docId: string): void {
		const bytes = this.#docs.get(docId);
		if (bytes === undefined) return;
		this.#docs.delete(docId);
		this.#total -= bytes;
	}

	get totalBytes(): number {
		return this.#total;
	}

	/** Whether the loaded documents pass the budget. */
	get over(): boolean {
		return this.#total > this.limitBytes;
	}

	/** Idle documents to unload, least recently used first, until the rest fits the budget. */
	victims(isIdle: (docId: string) => boolean): string[] {
		const out: string[] = [];
		let total = this.#total;
		for (const [docId, bytes] of this.#docs) {
			if (total <= this.limitBytes) break;
			if (!isIdle(docId)) continue;
			out.push(docId);
			total -= bytes;
		}
		return out;
	}
}
