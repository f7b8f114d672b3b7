import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { listAudit } from '$lib/server/moderation';

/** Every decision with who took it and when (moderators). */
export const GET = endpoint(({ locals }) => {
	const user = requireUser(locals);
	return json({ items: listAudit(user.id) }, 200, { 'cache-control': 'private, no-store' });
});
