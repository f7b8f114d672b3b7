/**
 * Sessions that expire while a socket is open: one timer per socket, set for
 * the session's expiry. When it fires it asks again (sessions slide forward
 * while used) and either closes the socket with 4401 or waits for the new
 * expiry. No polling: one timer per socket, re-armed at most once per renewal.
 */
import { CloseCode } from './hooks';
import type { Peer } from './peer';

/** Node's timers hold at most ~24.8 days; longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Closes `peer` (4401) once its session has expired, as `expiresAt` tells
 * (ms since epoch, or null when the session no longer exists). Returns the
 * function that cancels the timer (call it when the socket closes).
 */
export function closeWhenSessionExpires(peer: Peer, expiresAt: (sessionId: string) => number | null): () => void {
	let timer: NodeJS.Timeout | undefined;
	const check = () => {
		const at = expiresAt(peer.sessionId);
		const now = Date.now();
		if (at === null || at <= now) {
			// Nothing it sends from now on is applied: it no longer writes, then it closes.
			peer.canWrite = false;
			peer.close(CloseCode.unauthenticated, 'session expired');
			return;
		}
		timer = setTimeout(check, Math.min(at - now, MAX_TIMER_MS));
		timer.unref();
	};
	check();
	return () => clearTimeout(timer);
}
