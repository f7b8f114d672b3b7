import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { removeContentInput } from '$lib/domain/validation/moderation';
import { removeContent, toDecision } from '$lib/server/moderation';
import { initiativeIdParam } from '../../params';

/** Owners/admins remove a message or an idea: the server deletes it from the document. */
export const POST = endpoint(async ({ params, request, locals }) => {
	const user = requireUser(locals);
	const id = initiativeIdParam(params);
	const input = await readJson(request, removeContentInput);
	return json({ decision: toDecision(await removeContent(user, id, input)) });
});
