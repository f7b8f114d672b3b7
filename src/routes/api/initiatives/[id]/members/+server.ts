import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { listMembers } from '$lib/server/initiatives';
import { initiativeIdParam } from '../params';
import { initiativeVisibility } from '$lib/server/moderation';

/** Members are people: visitors see the count on the initiative, the list needs a session (401). */
export const GET = endpoint(({ params, locals }) => {
	// An unknown (or hidden) initiative is a 404 for everyone; the list itself needs a session.
	const id = initiativeIdParam(params);
	initiativeVisibility(id, locals.user?.id);
	const items = listMembers(id);
	requireUser(locals);
	return json({ items });
});
