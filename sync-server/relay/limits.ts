/** API.md's limits, and the relay's timing knobs (overridable for tests). */

/** The size limits are the shared contract's (browser and relay agree on them). */
export { MAX_DOC_BYTES, MAX_MESSAGE_BYTES } from '$lib/domain/sync-contract';
/** Dead connections are dropped after one missed pong. */
export const PING_INTERVAL_MS = 30_000;
