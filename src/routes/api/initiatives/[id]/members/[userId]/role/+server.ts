import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { roleChange } from '$lib/domain/validation/query';
import { setMemberRole } from '$lib/server/initiatives';
import { initiativeIdParam } from '../../../params';

/** Extension: the owner makes a member admin (or an admin member again). */
export const POST = endpoint(async ({ params, request, locals }) => {
	const user = requireUser(locals);
	const id = initiativeIdParam(params);
	const { role } = await readJson(request, roleChange);
	return json({ role: setMemberRole(user, id, params.userId ?? '', role) });
});
