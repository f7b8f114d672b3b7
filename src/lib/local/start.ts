/** Turns on the local-first machinery once a person is signed in on this device. */
import { claimDeviceData } from './device-data';
import { startOutbox } from './outbox-runner';

let startedFor: string | null = null;

export async function startLocalFirst(userId: string): Promise<void> {
	if (startedFor === userId) return;
	startedFor = userId;
	await claimDeviceData(userId);
	startOutbox();
	// Ask once per session: installed apps usually get it, tabs may be refused (that is fine).
	if (navigator.storage?.persist && !(await navigator.storage.persisted())) await navigator.storage.persist();
}
