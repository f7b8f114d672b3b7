/** Turns on the local-first machinery once a person is signed in on this device. */
import { claimDeviceData } from './data';
import { startOutbox } from '../outbox/runner';
import { startDocSync, syncManager } from '../docs/sync-runner';

let claimed: { userId: string; done: Promise<void> } | null = null;

/**
 * Resolves once this device's local data belongs to `userId` (another person's
 * is wiped first). Anything that opens local data — the outbox, a workspace's
 * IndexedDB copy — waits for it, so it can never open the previous person's.
 */
export function deviceReadyFor(userId: string): Promise<void> {
	if (claimed?.userId !== userId) claimed = { userId, done: claimDeviceData(userId) };
	return claimed.done;
}

let startedFor: string | null = null;

export async function startLocalFirst(userId: string): Promise<void> {
	if (startedFor === userId) return;
	if (startedFor !== null) syncManager().clear();
	startedFor = userId;
	await deviceReadyFor(userId);
	startOutbox();
	startDocSync();
	// Ask once per session: installed apps usually get it, tabs may be refused (that is fine).
	if (navigator.storage?.persist && !(await navigator.storage.persisted())) await navigator.storage.persist();
}
