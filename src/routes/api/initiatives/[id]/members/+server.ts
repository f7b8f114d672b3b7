import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { listMembers } from '$lib/server/initiatives';
import { initiativeIdParam } from '../params';

/** Members are people: visitors see the count on the initiative, the list needs a session (401). */
export const GET = endpoint(({ params, locals }) => {
	// An unknown initiative is a 404 for everyone (initiatives are public); the list itself needs a session.
	const items = listMembers(initiativeIdParam(params));
	requireUser(locals);
	return json({ items });
});
