import { endpoint } from '$lib/server/http/endpoint';
import { requireUser } from '$lib/server/auth/guard';
import { unblockUser } from '$lib/server/moderation';

/** Lifts a block (idempotent). */
export const DELETE = endpoint(({ params, locals }) => {
	const user = requireUser(locals);
	unblockUser(user.id, params.userId ?? '');
	return new Response(null, { status: 204 });
});
