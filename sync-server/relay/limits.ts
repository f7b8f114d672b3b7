/** API.md's limits, and the relay's timing knobs (overridable for tests). */

/** The size limits are the shared contract's (browser and relay agree on them). */
export { MAX_DOC_BYTES, MAX_MESSAGE_BYTES } from '$lib/domain/sync-contract';
/**
 * Dead connections are dropped after one missed pong, so a half-open socket
 * (and the presence it shows) is gone within two intervals: 10 s < API.md's 15 s.
 */
export const PING_INTERVAL_MS = 5_000;
/** While writers are active, the loop wakes at least this often (warm-loop.ts); 0 turns it off. */
export const WARM_LOOP_MS = 1;
/** A socket with more than this queued and unread is closed with 1013. */
export const MAX_SEND_BUFFER_BYTES = 8 * 1024 * 1024;
/** Frames handled per turn of the loop, in ms: with the turn's commit and fan-out, well under the 50 ms stall target. */
export const TURN_BUDGET_MS = 10;
/**
 * Frames from this size on cost about a budget's worth alone (~40 ms per MB on the
 * reference machine: read and checked ~20, committed ~12, framed): each is handled as the
 * first frame of a turn (turn-budget.ts), and committed in the next (the store's option).
 */
export const WHOLE_TURN_FRAME_BYTES = 256 * 1024;
/** Time per turn for crowded rooms' broadcasts and pings: with the turn's incoming frames, commit and GC, well under a 50 ms stall. */
export const WRITE_BUDGET_MS = 8;
/** Sync requests a socket may repeat while its full-state reply is still unread (beyond → 1013). */
export const MAX_SYNC_REPEATS = 8;
