/**
 * The outbox: the only module that writes or replays offline changes. Changes
 * are stored in IndexedDB in the order they were made and replayed in that
 * order, one at a time, when the network is back. Every request is idempotent
 * per API.md (client-chosen initiative ids, idempotent join/leave, PATCH sets
 * values), so a replay cut short and repeated never duplicates anything.
 * A refusal (4xx) is kept, visible, until the person dismisses it.
 */
import { backoffDelay, classify } from './backoff';
import type { KoheroDb } from '../db';
import type { Mutation, OutboxEntry } from './mutation';

/** Sends one mutation; resolves with the HTTP status and body (status 0 = no network). */
export type Transport = (mutation: Mutation) => Promise<{ status: number; body: unknown }>;

export interface OutboxOptions {
	db: KoheroDb;
	send: Transport;
	/** Called after the server accepted a change, with its answer (to refresh the cache). */
	onAccepted?: (mutation: Mutation, body: unknown) => Promise<void>;
	/** Called after the server refused a change (to put the cache back to the server's state). */
	onRefused?: (mutation: Mutation) => Promise<void>;
	now?: () => number;
	random?: () => number;
}

export interface FlushResult {
	sent: number;
	refused: number;
	/** Epoch ms of the next retry when the replay stopped on a transient error. */
	retryAt: number | null;
}

export class Outbox {
	#opts: Required<OutboxOptions>;
	#running: Promise<FlushResult> | null = null;
	#again = false;

	constructor(options: OutboxOptions) {
		this.#opts = { onAccepted: async () => {}, onRefused: async () => {}, now: Date.now, random: Math.random, ...options };
	}

	/** Queues a change after every change queued before it. */
	async enqueue(mutation: Mutation): Promise<number> {
		const entry: OutboxEntry = {
			mutation,
			createdAt: this.#opts.now(),
			state: 'pending',
			attempts: 0,
			nextAttemptAt: 0
		};
		return (await this.#opts.db.outbox.add(entry)) as number;
	}

	/** Pending and refused changes, oldest first. */
	async list(): Promise<OutboxEntry[]> {
		return this.#opts.db.outbox.orderBy('seq').toArray();
	}

	/** Forgets a refused change once the person has seen it. */
	async dismiss(seq: number): Promise<void> {
		await this.#opts.db.outbox.where({ seq, state: 'failed' }).delete();
	}

	/** Puts a refused change back in line (e.g. after fixing the cause). */
	async retry(seq: number): Promise<void> {
		await this.#opts.db.outbox.update(seq, { state: 'pending', attempts: 0, nextAttemptAt: 0, error: undefined });
	}

	/** Makes every pending change due now (the network just came back). */
	async resetBackoff(): Promise<void> {
		await this.#opts.db.outbox.where('state').equals('pending').modify({ nextAttemptAt: 0 });
	}

	/**
	 * Replays due changes in order. Concurrent calls share one run; a call made
	 * during a run causes one more pass so nothing queued meanwhile waits.
	 */
	flush(): Promise<FlushResult> {
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#drain().finally(() => (this.#running = null));
		return this.#running;
	}

	async #drain(): Promise<FlushResult> {
		const total: FlushResult = { sent: 0, refused: 0, retryAt: null };
		do {
			this.#again = false;
			const pass = await this.#pass();
			total.sent += pass.sent;
			total.refused += pass.refused;
			total.retryAt = pass.retryAt;
		} while (this.#again && total.retryAt === null);
		return total;
	}

	async #pass(): Promise<FlushResult> {
		const { db, send, onAccepted, onRefused, now, random } = this.#opts;
		const result: FlushResult = { sent: 0, refused: 0, retryAt: null };
		for (;;) {
			const next = await db.outbox.where('state').equals('pending').first();
			if (!next?.seq) return result;
			// Order matters (create before join): a change not yet due holds back the rest.
			if (next.nextAttemptAt > now()) return { ...result, retryAt: next.nextAttemptAt };
			let status: number;
			let body: unknown;
			try {
				({ status, body } = await send(next.mutation));
			} catch {
				({ status, body } = { status: 0, body: null });
			}
			const outcome = classify(status);
			if (outcome === 'done') {
				await onAccepted(next.mutation, body);
				await db.outbox.delete(next.seq);
				result.sent++;
			} else if (outcome === 'refused') {
				await db.outbox.update(next.seq, { state: 'failed', error: errorOf(status, body), attempts: next.attempts + 1 });
				await onRefused(next.mutation).catch((err: unknown) => console.error('outbox: restoring after a refusal', err));
				result.refused++;
			} else {
				const attempts = next.attempts + 1;
				const retryAt = now() + backoffDelay(attempts, random());
				await db.outbox.update(next.seq, { attempts, nextAttemptAt: retryAt, error: errorOf(status, body) });
				return { ...result, retryAt };
			}
		}
	}
}

function errorOf(status: number, body: unknown): OutboxEntry['error'] {
	const error = (body as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null)?.error;
	const code = error?.code ?? (status === 0 ? 'network' : 'http_error');
	return { status, code, message: error?.message ?? '', ...(error?.fields ? { fields: error.fields } : {}) };
}
