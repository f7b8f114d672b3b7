/**
 * Runs the browser's outbox: replays on start, when the network returns, after
 * each new change, and on a timer following the backoff; one tab at a time.
 */
import { localDb } from '../db';
import type { Mutation } from './mutation';
import { Outbox, type FlushResult } from './outbox';
import { fetchTransport } from './transport';
import { saveInitiative, saveMe } from '../cache/store';
import type { Initiative, Me, Role } from '$lib/types';
import { tryApi } from '$lib/api/client';

const SWEEP_MS = 30_000;

let instance: Outbox | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let started = false;
const listeners = new Set<(result: FlushResult) => void>();

/** The browser's single outbox. */
export function outbox(): Outbox {
	instance ??= new Outbox({ db: localDb(), send: fetchTransport, onAccepted: refreshCache, onRefused: restoreCache });
	return instance;
}

/** Records the server's answer so the cache shows the accepted state. */
async function refreshCache(mutation: Mutation, body: unknown): Promise<void> {
	if (mutation.kind === 'profile') {
		const user = (body as { user?: Me } | null)?.user;
		if (user) await saveMe(user);
		return;
	}
	if (mutation.kind === 'create' || mutation.kind === 'patch') {
		const initiative = (body as { initiative?: Initiative } | null)?.initiative;
		const existing = await localDb().initiatives.get(mutation.initiativeId);
		if (initiative) await saveInitiative(initiative, mutation.kind === 'create' ? 'owner' : (existing?.viewerRole ?? null));
		return;
	}
	// join/leave: the member count changed on the server; fetch it fresh (best effort).
	await refetchInitiative(mutation.initiativeId);
}

async function refetchInitiative(id: string): Promise<void> {
	const fresh = await tryApi<{ initiative: Initiative; viewerRole: Role | null }>(`/api/initiatives/${id}`, { fresh: true });
	if (fresh) await saveInitiative(fresh.initiative, fresh.viewerRole);
}

/**
 * The server said no to a change shown optimistically: show its state again
 * (e.g. still owner after a refused leave). The refusal itself stays listed.
 */
async function restoreCache(mutation: Mutation): Promise<void> {
	if (mutation.kind === 'profile') {
		const fresh = await tryApi<{ user: Me }>('/api/me', { fresh: true });
		if (fresh) await saveMe(fresh.user);
		return;
	}
	// A creation refused (its id taken): the server knows nothing of it, so no fresh copy comes back.
	if (mutation.kind === 'create') await localDb().initiatives.delete(mutation.initiativeId);
	else await refetchInitiative(mutation.initiativeId);
}

async function flushOnce(): Promise<FlushResult> {
	// Two tabs replaying at once would be harmless (idempotent) but wasteful.
	if (typeof navigator !== 'undefined' && navigator.locks) {
		return navigator.locks.request('kohero-outbox', () => outbox().flush());
	}
	return outbox().flush();
}

/** Replays now and schedules the next attempt; resolves with what happened (never rejects). */
export async function replayNow(): Promise<FlushResult | null> {
	try {
		const result = await flushOnce();
		clearTimeout(timer);
		if (result.retryAt !== null) timer = setTimeout(kickOutbox, Math.max(0, result.retryAt - Date.now()));
		for (const listener of listeners) listener(result);
		return result;
	} catch (err) {
		console.error('outbox replay failed', err);
		clearTimeout(timer);
		timer = setTimeout(kickOutbox, SWEEP_MS);
		return null;
	}
}

/** Fire-and-forget form of replayNow, for events and timers (it handles its own errors). */
export function kickOutbox(): void {
	void replayNow();
}

/** Called after each replay (the sync status records "synchronisé à"). */
export function onFlushed(listener: (result: FlushResult) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Starts replaying (root layout, once, in the browser). */
export function startOutbox(): void {
	if (started) return;
	started = true;
	window.addEventListener('online', () => {
		outbox()
			.resetBackoff()
			.then(kickOutbox, (err: unknown) => console.error('outbox reset failed', err));
	});
	setInterval(() => navigator.onLine && kickOutbox(), SWEEP_MS);
	kickOutbox();
}

/** Why the server refused a change sent while online. */
export interface Refusal {
	status: number;
	code: string;
	message: string;
	fields?: Record<string, string>;
}

/**
 * Queues a change made on this device and, when online, tries to send it (and
 * anything before it) right away. `sent` tells whether it reached the server now.
 * A change the server refuses right away comes back as `refused` and leaves the
 * outbox: the person sees the reason where they acted, not later in a panel.
 */
export async function queueChange(mutation: Mutation): Promise<{ sent: boolean; refused?: Refusal }> {
	const seq = await outbox().enqueue(mutation);
	if (!navigator.onLine) return { sent: false };
	// The person acted with the network up: no reason to wait out an earlier backoff.
	await outbox().resetBackoff();
	await replayNow();
	const entry = await localDb().outbox.get(seq);
	if (entry === undefined) return { sent: true };
	if (entry.state === 'failed' && entry.error) {
		await outbox().dismiss(seq);
		return { sent: false, refused: entry.error };
	}
	return { sent: false };
}
