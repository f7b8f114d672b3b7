import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { inviteCreate } from '$lib/domain/meetings/validation';
import { createInvite } from '$lib/server/meetings';
import { initiativeIdParam } from '../params';

export const POST = endpoint(async ({ params, request, locals, url }) => {
	const user = requireUser(locals);
	const id = initiativeIdParam(params);
	const { expiresInDays } = await readJson(request, inviteCreate);
	return json({ invite: createInvite(user, id, expiresInDays, url.origin) }, 201);
});
