/** API.md's limits, and the relay's timing knobs (overridable for tests). */

/** One WebSocket message at most (the socket's maxPayload; beyond → 1009). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** One document at most (beyond → 1009 for the sender). */
export const MAX_DOC_BYTES = 20 * 1024 * 1024;
/** Dead connections are dropped after one missed pong. */
export const PING_INTERVAL_MS = 30_000;
/** A socket with more than this queued and unread is closed with 1013. */
export const MAX_SEND_BUFFER_BYTES = 8 * 1024 * 1024;
/** Sync requests a socket may repeat while its full-state reply is still unread (beyond → 1013). */
export const MAX_SYNC_REPEATS = 8;
