/**
 * The store's background threads (the merge worker, the WAL checkpointer) run at a
 * lower CPU priority than the relay's thread. On a busy machine their work (a
 * compaction, a checkpoint's copy) then waits for a free CPU instead of taking one
 * from the relay's live updates; on an idle one it runs at once, as before. Nothing
 * they do is waited for by a socket: a compaction's result and a checkpoint land
 * whenever they are done.
 */

/** The background threads' nice value (Linux: 0 is the default, 19 the lowest priority). */
export const BACKGROUND_NICE = 10;

/**
 * CommonJS source a worker's eval'd code runs first: lowers that thread's own priority
 * (on Linux a thread has its own nice value, set through its id, read from
 * /proc/thread-self). Elsewhere, or if refused, the thread keeps the process' priority.
 */
export const LOWER_THREAD_PRIORITY = `
try {
	const threadId = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
	require('node:os').setPriority(threadId, ${BACKGROUND_NICE});
} catch {}
`;
