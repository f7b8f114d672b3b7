import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { listMyInitiatives } from '$lib/server/initiatives';

/** Extension: "Mes initiatives", owned and joined, each with the viewer's role. */
export const GET = endpoint(({ locals }) => {
	const user = requireUser(locals);
	return json({ items: listMyInitiatives(user.id) }, 200, { 'cache-control': 'private, no-store' });
});
