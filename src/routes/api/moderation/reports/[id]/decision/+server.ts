import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { notFound } from '$lib/server/http/api-error';
import { isValidId } from '$lib/domain/ids';
import { decisionInput } from '$lib/domain/validation/moderation';
import { decideReport, toDecision } from '$lib/server/moderation';

/** A moderator's decision with its statement of reasons; 409 once the report is closed. */
export const POST = endpoint(async ({ params, request, locals }) => {
	const user = requireUser(locals);
	if (!isValidId(params.id ?? '')) throw notFound('Ce signalement est introuvable.');
	const input = await readJson(request, decisionInput);
	return json({ decision: toDecision(await decideReport(user, params.id!, input)) });
});
