import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { activityQuery } from '$lib/domain/notifications';
import { listActivity, rememberLocale, validateNotify } from '$lib/server/notify';

const noStore = { 'cache-control': 'private, no-store' };

/** API.md: my activity, newest first (`unread=1`: unread only). */
export const GET = endpoint(({ url, locals }) => {
	const user = requireUser(locals);
	const query = validateNotify(activityQuery, Object.fromEntries(url.searchParams));
	rememberLocale(user.id, locals.locale);
	const unreadOnly = query.unread === '1' || query.unread === 'true';
	return json(listActivity(user.id, { limit: query.limit ?? 20, cursor: query.cursor, unreadOnly }), 200, noStore);
});
