/** API.md's limits, and the relay's timing knobs (overridable for tests). */

/** One WebSocket message at most (the socket's maxPayload; beyond → 1009). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** One document at most (beyond → 1009 for the sender). */
export const MAX_DOC_BYTES = 20 * 1024 * 1024;
/**
 * Dead connections are dropped after one missed pong, so a half-open socket
 * (and the presence it shows) is gone within two intervals: 10 s < API.md's 15 s.
 */
export const PING_INTERVAL_MS = 5_000;
