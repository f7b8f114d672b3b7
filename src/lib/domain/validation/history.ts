import * as v from 'valibot';
import { M } from './messages';
import { RESTORE_SCOPES } from '../workspace/restore';

/** `POST /api/initiatives/:id/history/restore`: which snapshot (its `at`, as listed) and what to restore. */
export const historyRestoreInput = v.object({
	at: v.pipe(v.string(M.invalid), v.isoTimestamp(M.invalid)),
	scope: v.picklist(RESTORE_SCOPES, M.invalid)
});
