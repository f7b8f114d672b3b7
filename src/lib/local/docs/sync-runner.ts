/**
 * Runs the browser's sync manager: one per page, started once someone is
 * signed in; it sweeps at start-up, when the network returns, after the outbox
 * sent something (a creation may free waiting documents) and every minute while
 * documents still wait.
 */
import { localDb } from '../db';
import { onFlushed } from '../outbox/runner';
import { SyncManager, type SyncReport } from './sync-manager';
import { syncUrl } from './relay-url';

const SWEEP_MS = 60_000;

let instance: SyncManager | undefined;
let started = false;

/** The page's sync manager. */
export function syncManager(): SyncManager {
	instance ??= new SyncManager({ db: localDb(), serverUrl: syncUrl(window.location) });
	return instance;
}

/** Sends every pending document now; resolves with the report (never rejects). */
export async function syncDocsNow(): Promise<SyncReport | null> {
	try {
		return await syncManager().syncAll();
	} catch (err) {
		console.error('kohero: document sweep failed', err);
		return null;
	}
}

/** Starts the sweeps (after the device's data is known to be this person's). */
export function startDocSync(): void {
	if (started) return;
	started = true;
	window.addEventListener('online', () => void syncDocsNow());
	onFlushed((result) => {
		if (result.sent > 0) void syncDocsNow();
	});
	setInterval(() => {
		if (navigator.onLine && syncManager().pendingCount > 0) void syncDocsNow();
	}, SWEEP_MS);
	void syncDocsNow();
}
