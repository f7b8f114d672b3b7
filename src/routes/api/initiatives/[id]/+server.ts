import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { initiativePatch } from '$lib/domain/validation/initiative';
import { loadInitiative, patchInitiative, roleOf } from '$lib/server/initiatives';
import { initiativeIdParam } from './params';
import { assertNotHidden, initiativeVisibility } from '$lib/server/moderation';

export const GET = endpoint(({ params, locals }) => {
	const id = initiativeIdParam(params);
	const { hidden } = initiativeVisibility(id, locals.user?.id);
	const initiative = loadInitiative(id);
	return json({ initiative: hidden ? { ...initiative, hidden } : initiative, viewerRole: roleOf(id, locals.user?.id), ...(hidden ? { hidden } : {}) });
});

export const PATCH = endpoint(async ({ params, request, locals }) => {
	const user = requireUser(locals);
	const id = initiativeIdParam(params);
	const patch = await readJson(request, initiativePatch);
	assertNotHidden(id);
	return json({ initiative: patchInitiative(user, id, patch) });
});
