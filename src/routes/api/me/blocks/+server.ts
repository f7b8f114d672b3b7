import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { blockInput } from '$lib/domain/validation/moderation';
import { blockUser, listBlocked } from '$lib/server/moderation';

/** The people I blocked. */
export const GET = endpoint(({ locals }) => {
	const user = requireUser(locals);
	return json({ items: listBlocked(user.id) }, 200, { 'cache-control': 'private, no-store' });
});

/** Blocks a person (idempotent): neither of us appears in the other's people search. */
export const POST = endpoint(async ({ request, locals }) => {
	const user = requireUser(locals);
	const { userId } = await readJson(request, blockInput);
	blockUser(user.id, userId);
	return json({ block: { userId } }, 201);
});
