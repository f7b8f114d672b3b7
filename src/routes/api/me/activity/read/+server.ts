import { endpoint } from '$lib/server/http/endpoint';
import { requireUser } from '$lib/server/auth/guard';
import { readBody } from '$lib/domain/notifications';
import { markRead, readNotifyJson } from '$lib/server/notify';

/** API.md: marks my activity up to `upTo` (inclusive) as read. */
export const POST = endpoint(async ({ request, locals }) => {
	const user = requireUser(locals);
	const { upTo } = await readNotifyJson(request, readBody);
	markRead(user.id, upTo);
	return new Response(null, { status: 204 });
});
