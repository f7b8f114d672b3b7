import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { initiativeCreate } from '$lib/domain/validation/initiative';
import { createInitiative } from '$lib/server/initiatives';

/** 201 on creation; 200 when an offline outbox repeats the same id. */
export const POST = endpoint(async ({ request, locals }) => {
	const user = requireUser(locals);
	const input = await readJson(request, initiativeCreate);
	const { initiative, created } = createInitiative(user, input);
	return json({ initiative }, created ? 201 : 200);
});
