/** What the relay enforces on writers' updates and presence (API.md "Integrity of shared documents"). */
export { applyChecked, hadTrailingBytes, wasCompensated, type CheckedWriter } from './apply-checked';
export { onlyDeletes, writeQuota, createWriteQuota, type WriteQuota } from './write-quota';
export { screenPresence, MAX_PRESENCE_BYTES, MAX_PRESENCE_CLIENTS } from './presence';
export { schemaFor, rootNames, INITIATIVE_SCHEMA, MEETING_SCHEMA } from './schema';
export { updateHead } from './tx-view';
