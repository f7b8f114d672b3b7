import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { listOwnReports } from '$lib/server/moderation';

/** My reports and their status (data export). */
export const GET = endpoint(({ locals }) => {
	const user = requireUser(locals);
	return json({ items: listOwnReports(user.id) }, 200, { 'cache-control': 'private, no-store' });
});
