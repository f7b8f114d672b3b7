/**
 * The outbox: changes made on this device (create, edit, join, leave, profile),
 * shown at once, stored in order and replayed to the API when the network is
 * back. Pages call the functions of changes.ts; the runner replays.
 */
export type { Mutation, OutboxEntry } from './mutation';
export { createdDocId } from './mutation';
export type { FlushResult } from './outbox';
export { outbox, replayNow, kickOutbox, onFlushed, startOutbox, queueChange, type Refusal } from './runner';
export { createInitiative, editInitiative, joinInitiative, leaveInitiative, changeProfile } from './changes';
