/**
 * Documents that belong to something created offline (an initiative, later a
 * meeting) do not exist on the relay until the outbox's creation is accepted:
 * connecting earlier would get 4404. They wait here for it, whatever kind of
 * creation it is (outbox/mutation.ts says which change creates which document).
 */
import { liveQuery } from 'dexie';
import { createdDocId, type OutboxEntry } from '../outbox/mutation';
import type { KoheroDb } from '../db';

/** `ready`: nothing to wait for, or the creation was accepted; `refused`: it never will exist. */
export type CreationState = 'ready' | 'waiting' | 'refused';

/** Where `docId`'s creation stands, from the outbox's entries. */
export function creationState(entries: OutboxEntry[], docId: string): CreationState {
	const entry = entries.find((e) => createdDocId(e.mutation) === docId);
	if (!entry) return 'ready';
	return entry.state === 'failed' ? 'refused' : 'waiting';
}

/**
 * Resolves once `docId` may be opened on the relay (`ready`) or never will
 * (`refused`); `signal` stops waiting (resolves `waiting`).
 */
export function waitForCreation(db: KoheroDb, docId: string, signal?: AbortSignal): Promise<CreationState> {
	return new Promise((resolve) => {
		if (signal?.aborted) return resolve('waiting');
		const subscription = liveQuery(() => db.outbox.toArray()).subscribe({
			next(entries) {
				const state = creationState(entries, docId);
				if (state === 'waiting') return;
				finish(state);
			},
			// The outbox cannot be read (storage blocked): nothing can be waited for.
			error: () => finish('ready')
		});
		const onAbort = () => finish('waiting');
		signal?.addEventListener('abort', onAbort);
		function finish(state: CreationState) {
			signal?.removeEventListener('abort', onAbort);
			// Unsubscribing inside `next` of the first value: defer so the subscription exists.
			queueMicrotask(() => subscription.unsubscribe());
			resolve(state);
		}
	});
}
