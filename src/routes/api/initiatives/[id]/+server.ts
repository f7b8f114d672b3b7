import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { initiativePatch } from '$lib/domain/validation/initiative';
import { loadInitiative, patchInitiative, roleOf } from '$lib/server/initiatives';
import { initiativeIdParam } from './params';

export const GET = endpoint(({ params, locals }) => {
	const id = initiativeIdParam(params);
	const initiative = loadInitiative(id);
	return json({ initiative, viewerRole: roleOf(id, locals.user?.id) });
});

export const PATCH = endpoint(async ({ params, request, locals }) => {
	const user = requireUser(locals);
	const id = initiativeIdParam(params);
	const patch = await readJson(request, initiativePatch);
	return json({ initiative: patchInitiative(user, id, patch) });
});
