import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { acceptInvite } from '$lib/server/meetings';

export const POST = endpoint(({ params, locals }) => {
	const user = requireUser(locals);
	const { role, initiativeId } = acceptInvite(user, params.token ?? '');
	return json({ role, initiativeId });
});
