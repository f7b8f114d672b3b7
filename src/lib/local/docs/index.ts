/**
 * Collaborative documents on this device: each one's Y.Doc with its IndexedDB
 * copy and relay connection, what the relay has acknowledged, and the sync
 * manager that sends every unacknowledged edit whatever page is open.
 */
export { openWorkspaceDoc, syncUrl, type SyncStatus, type StopReason, type AwarenessUser, type WorkspaceDoc } from './workspace-doc';
export { localDbName } from './local-copy';
export { readLastSeen, writeLastSeen } from './last-seen';
export { readLastSynced, writeLastSynced } from './last-synced';
