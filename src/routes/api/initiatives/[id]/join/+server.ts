import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { joinInitiative } from '$lib/server/initiatives';
import { initiativeIdParam } from '../params';
import { initiativeVisibility } from '$lib/server/moderation';

export const POST = endpoint(({ params, locals }) => {
	const user = requireUser(locals);
	const id = initiativeIdParam(params);
	initiativeVisibility(id, user.id);
	return json({ role: joinInitiative(user, id) });
});
