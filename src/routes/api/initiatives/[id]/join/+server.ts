import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { joinVisibleInitiative } from '$lib/server/initiatives';
import { initiativeIdParam } from '../params';

export const POST = endpoint(({ params, locals }) => {
	const user = requireUser(locals);
	const id = initiativeIdParam(params);
	return json({ role: joinVisibleInitiative(user, id) });
});
