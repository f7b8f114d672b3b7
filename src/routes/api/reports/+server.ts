import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { reportInput } from '$lib/domain/validation/moderation';
import { createReport } from '$lib/server/moderation';

/** Reports a target: 201 new, 200 the same report when this person had already reported it. */
export const POST = endpoint(async ({ request, locals }) => {
	const user = requireUser(locals);
	const input = await readJson(request, reportInput);
	const { report, created } = await createReport(user, input);
	return json({ report }, created ? 201 : 200);
});
