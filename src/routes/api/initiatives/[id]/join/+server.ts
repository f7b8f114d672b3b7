import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { joinInitiative } from '$lib/server/initiatives';
import { initiativeIdParam } from '../params';

export const POST = endpoint(({ params, locals }) => {
	const user = requireUser(locals);
	return json({ role: joinInitiative(user, initiativeIdParam(params)) });
});
