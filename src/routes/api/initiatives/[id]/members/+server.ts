import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { listMembers } from '$lib/server/initiatives';
import { initiativeIdParam } from '../params';
import { initiativeVisibility } from '$lib/server/moderation';

export const GET = endpoint(({ params, locals }) => {
	const id = initiativeIdParam(params);
	initiativeVisibility(id, locals.user?.id);
	return json({ items: listMembers(id) });
});
