/**
 * A room's updates on their way into the store. The updates the store commits
 * together (one group commit per turn, store/doc-log.ts) share one promise there and
 * form one batch here: one promise reaction per batch, and the room sends a batch
 * once it is committed (nothing uncommitted is ever sent).
 */
import type { PersistedUpdate } from './metrics';

/** Updates committed by the same group commit of the store. */
export interface CommitBatch {
	/** When its first update was handed to the store (performance.now()). */
	startedAt: number;
	entries: PersistedUpdate[];
}

export class CommitBatches {
	/** The batch waiting for the store's current group commit, and that commit. */
	#open: { committed: Promise<void>; batch: CommitBatch } | null = null;
	#lastWrite: Promise<void> = Promise.resolve();
	#pending = 0;

	constructor(
		private readonly onCommitted: (batch: CommitBatch) => void,
		private readonly onFailed: (err: unknown) => void
	) {}

	/** Adds `entry`, which the store commits with `committed` (the promise its append returned). */
	add(committed: Promise<void>, entry: PersistedUpdate): void {
		let open = this.#open;
		if (open === null || open.committed !== committed) {
			const batch: CommitBatch = { startedAt: performance.now(), entries: [] };
			open = this.#open = { committed, batch };
			this.#pending++;
			this.#lastWrite = committed.then(
				() => this.onCommitted(this.#close(batch)),
				(err: unknown) => {
					this.#close(batch);
					this.onFailed(err);
				}
			);
		}
		open.batch.entries.push(entry);
	}

	/** Settles once every update added so far is committed (never rejects). */
	get settled(): Promise<void> {
		return this.#lastWrite;
	}

	/** Whether no batch waits for its commit. */
	get idle(): boolean {
		return this.#pending === 0;
	}

	#close(batch: CommitBatch): CommitBatch {
		this.#pending--;
		if (this.#open?.batch === batch) this.#open = null;
		return batch;
	}
}
