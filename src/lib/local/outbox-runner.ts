/**
 * Runs the browser's outbox: replays on start, when the network returns, after
 * each new change, and on a timer following the backoff; one tab at a time.
 */
import { localDb, type Mutation } from './db';
import { Outbox, type FlushResult } from './outbox';
import { fetchTransport } from './transport';
import { saveInitiative, saveMe } from './cache';
import type { Initiative, Me, Role } from '$lib/types';

const SWEEP_MS = 30_000;

let instance: Outbox | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let started = false;
const listeners = new Set<(result: FlushResult) => void>();

/** The browser's single outbox. */
export function outbox(): Outbox {
	instance ??= new Outbox({ db: localDb(), send: fetchTransport, onAccepted: refreshCache });
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
	const res = await fetch(`/api/initiatives/${mutation.initiativeId}`, { cache: 'no-cache' }).catch(() => null);
	if (res?.ok) {
		const fresh = (await res.json()) as { initiative: Initiative; viewerRole: Role | null };
		await saveInitiative(fresh.initiative, fresh.viewerRole);
	}
}

async function flushOnce(): Promise<FlushResult> {
	// Two tabs replaying at once would be harmless (idempotent) but wasteful.
	if (typeof navigator !== 'undefined' && navigator.locks) {
		return navigator.locks.request('kohero-outbox', () => outbox().flush());
	}
	return outbox().flush();
}

/** Replays now; schedules the next attempt. Never throws (errors are retried later). */
export function kickOutbox(): void {
	flushOnce().then(
		(result) => {
			clearTimeout(timer);
			if (result.retryAt !== null) timer = setTimeout(kickOutbox, Math.max(0, result.retryAt - Date.now()));
			for (const listener of listeners) listener(result);
		},
		(err: unknown) => {
			console.error('outbox replay failed', err);
			clearTimeout(timer);
			timer = setTimeout(kickOutbox, SWEEP_MS);
		}
	);
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

/** Queues a change made on this device and tries to send it right away. */
export async function queueChange(mutation: Mutation): Promise<void> {
	await outbox().enqueue(mutation);
	if (started) kickOutbox();
}
