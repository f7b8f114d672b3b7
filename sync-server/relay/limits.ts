/** API.md's limits, and the relay's timing knobs (overridable for tests). */

/** The size limits are the shared contract's (browser and relay agree on them). */
export { MAX_DOC_BYTES, MAX_MESSAGE_BYTES } from '$lib/domain/sync-contract';
/**
 * Dead connections are dropped after one missed pong, so a half-open socket
 * (and the presence it shows) is gone within two intervals: 10 s < API.md's 15 s.
 */
export const PING_INTERVAL_MS = 5_000;
