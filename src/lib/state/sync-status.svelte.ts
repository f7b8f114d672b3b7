/**
 * Sync at a glance: online or not, changes waiting in the outbox, refusals to
 * show, and when the device last reached the server. Reads the outbox live.
 */
import { liveQuery, type Subscription } from 'dexie';
import { localDb, type OutboxEntry } from '$lib/local/db';
import { onFlushed, outbox, kickOutbox } from '$lib/local/outbox-runner';

class SyncStatus {
	online = $state(true);
	entries = $state<OutboxEntry[]>([]);
	lastSyncedAt = $state<number | null>(null);
	pending = $derived(this.entries.filter((e) => e.state === 'pending'));
	failures = $derived(this.entries.filter((e) => e.state === 'failed'));
	/** Initiative ids with a change still waiting: shown "en attente de connexion". */
	pendingInitiatives = $derived(
		new Set(this.pending.flatMap((e) => ('initiativeId' in e.mutation ? [e.mutation.initiativeId] : [])))
	);
	profilePending = $derived(this.pending.some((e) => e.mutation.kind === 'profile'));
	/** The last transient error while online (server down, session expired). */
	retryError = $derived(this.online ? (this.pending.find((e) => e.error)?.error ?? null) : null);
	#subscription: Subscription | undefined;

	/** Starts watching (root layout, once, in the browser). */
	start(): void {
		if (this.#subscription) return;
		this.online = navigator.onLine;
		window.addEventListener('online', () => (this.online = true));
		window.addEventListener('offline', () => (this.online = false));
		this.#subscription = liveQuery(() => localDb().outbox.orderBy('seq').toArray()).subscribe({
			next: (rows) => (this.entries = rows),
			error: (err: unknown) => console.error('outbox watch failed', err)
		});
		onFlushed((result) => {
			if (result.retryAt === null) this.lastSyncedAt = Date.now();
		});
	}

	isPending(initiativeId: string): boolean {
		return this.pendingInitiatives.has(initiativeId);
	}

	/** The person has read a refusal: forget it. */
	async dismiss(seq: number): Promise<void> {
		await outbox().dismiss(seq);
	}

	/** Try a refused change again. */
	async retry(seq: number): Promise<void> {
		await outbox().retry(seq);
		kickOutbox();
	}
}

export const syncStatus = new SyncStatus();
