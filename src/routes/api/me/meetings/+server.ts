import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { myMeetingsExport } from '$lib/server/meetings';

/** One's own answers and scheduled meetings (for the personal data export). */
export const GET = endpoint(({ locals }) =>
	json(myMeetingsExport(requireUser(locals).id), 200, { 'cache-control': 'private, no-store' })
);
