/**
 * Sync at a glance: online or not, changes waiting in the outbox, documents
 * whose edits the relay has not acknowledged yet (the sync manager), refusals
 * to show, and when everything was last acknowledged. Reads the outbox live.
 */
import type { Subscription } from 'dexie';
import type { OutboxEntry } from '$lib/local/outbox';

// Dexie and the outbox load after the first render: the header needs none of it to draw.
const local = () =>
	Promise.all([
		import('dexie'),
		import('$lib/local/db'),
		import('$lib/local/outbox/runner'),
		import('$lib/local/docs/sync-runner')
	]);

class SyncStatus {
	online = $state(true);
	entries = $state<OutboxEntry[]>([]);
	lastSyncedAt = $state<number | null>(null);
	/** Documents with local edits the relay has not acknowledged. */
	pendingDocs = $state(0);
	/** The sync manager is sending documents right now. */
	docsSyncing = $state(false);
	/** The service worker keeps this person's pages for offline full loads. */
	pagesKept = $state(false);
	pending = $derived(this.entries.filter((e) => e.state === 'pending'));
	/** Everything waiting for the server: outbox changes and unacknowledged documents. */
	waiting = $derived(this.pending.length + this.pendingDocs);
	failures = $derived(this.entries.filter((e) => e.state === 'failed'));
	/** Initiative ids with a change still waiting: shown "en attente de connexion". */
	pendingInitiatives = $derived(
		new Set(this.pending.flatMap((e) => ('initiativeId' in e.mutation ? [e.mutation.initiativeId] : [])))
	);
	profilePending = $derived(this.pending.some((e) => e.mutation.kind === 'profile'));
	/** The last transient error while online (server down, session expired). */
	retryError = $derived(this.online ? (this.pending.find((e) => e.error)?.error ?? null) : null);
	#subscription: Subscription | undefined;

	#started = false;

	/** Follows the network (root layout, once, in the browser). */
	start(): void {
		if (this.#started) return;
		this.#started = true;
		this.online = navigator.onLine;
		window.addEventListener('online', () => (this.online = true));
		window.addEventListener('offline', () => (this.online = false));
	}

	/** Watches the outbox once someone is signed in (a signed-out page creates no database). */
	async watch(): Promise<void> {
		if (this.#subscription) return;
		const [{ liveQuery }, { localDb }, { onFlushed }, { syncManager }] = await local();
		if (this.#subscription) return;
		syncManager().subscribe((pending, syncing) => {
			const wasBusy = this.waiting > 0 || this.docsSyncing;
			this.pendingDocs = pending;
			this.docsSyncing = syncing;
			// Everything this device held is acknowledged: that is when it is "synchronisé".
			if (wasBusy && !syncing && this.waiting === 0 && this.online) this.lastSyncedAt = Date.now();
		});
		this.#subscription = liveQuery(() => localDb().outbox.orderBy('seq').toArray()).subscribe({
			next: (rows) => (this.entries = rows),
			error: (err: unknown) => console.error('outbox watch failed', err)
		});
		onFlushed((result) => {
			if (result.retryAt === null && this.pendingDocs === 0) this.lastSyncedAt = Date.now();
		});
	}

	/** The outbox was deleted with the device's data (its live query does not see a deleted database). */
	forget(): void {
		this.entries = [];
	}

	isPending(initiativeId: string): boolean {
		return this.pendingInitiatives.has(initiativeId);
	}

	/** The person has read a refusal: forget it. */
	async dismiss(seq: number): Promise<void> {
		const [, , { outbox }] = await local();
		await outbox().dismiss(seq);
	}

	/** Try a refused change again. */
	async retry(seq: number): Promise<void> {
		const [, , { outbox, kickOutbox }] = await local();
		await outbox().retry(seq);
		kickOutbox();
	}
}

export const syncStatus = new SyncStatus();
