import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { leaveInitiative } from '$lib/server/initiatives';
import { initiativeIdParam } from '../params';

export const POST = endpoint(({ params, locals }) => {
	const user = requireUser(locals);
	leaveInitiative(user, initiativeIdParam(params));
	return json({ role: null });
});
