import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { listDecisionsAbout } from '$lib/server/moderation';

/** Moderation decisions about my content, each with its statement of reasons (never who reported). */
export const GET = endpoint(({ locals }) => {
	const user = requireUser(locals);
	return json({ items: listDecisionsAbout(user.id) }, 200, { 'cache-control': 'private, no-store' });
});
