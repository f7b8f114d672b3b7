import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { removeMember } from '$lib/server/moderation';
import { initiativeIdParam } from '../../../params';

/** An owner/admin removes a member; their write access ends at once. */
export const POST = endpoint(({ params, locals }) => {
	const user = requireUser(locals);
	const id = initiativeIdParam(params);
	removeMember(user, id, params.userId ?? '');
	return json({ role: null });
});
