import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { listHistory } from '$lib/server/history';
import { initiativeIdParam } from '../params';

export const GET = endpoint(({ params, locals }) => {
	const user = requireUser(locals);
	return json({ items: listHistory(user, initiativeIdParam(params)) });
});
