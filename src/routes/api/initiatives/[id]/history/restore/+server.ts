import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { historyRestoreInput } from '$lib/domain/validation/history';
import { restoreHistory } from '$lib/server/history';
import { initiativeIdParam } from '../../params';

export const POST = endpoint(async ({ params, request, locals }) => {
	const user = requireUser(locals);
	const id = initiativeIdParam(params);
	const { at, scope } = await readJson(request, historyRestoreInput);
	await restoreHistory(user, id, at, scope);
	return json({ ok: true, at, scope });
});
