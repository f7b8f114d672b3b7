import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { invitePersonInput } from '$lib/domain/meetings/validation';
import { invitePerson } from '$lib/server/meetings';
import { initiativeIdParam } from '../params';

/** Invites a neighbour; the answer says nothing about them. */
export const POST = endpoint(async ({ params, request, locals, url }) => {
	const user = requireUser(locals);
	const id = initiativeIdParam(params);
	const { userId } = await readJson(request, invitePersonInput);
	invitePerson(user, id, userId, url.origin);
	return json({ invited: true });
});
