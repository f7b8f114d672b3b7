import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { prefsPatch } from '$lib/domain/notifications';
import { getPrefs, readNotifyJson, updatePrefs } from '$lib/server/notify';

const noStore = { 'cache-control': 'private, no-store' };

/** API.md: my notification preferences. */
export const GET = endpoint(({ locals }) => json(getPrefs(requireUser(locals).id), 200, noStore));

/** API.md: changes some of them (`mutedInitiatives` replaces the list). */
export const PATCH = endpoint(async ({ request, locals }) => {
	const user = requireUser(locals);
	const patch = await readNotifyJson(request, prefsPatch);
	return json(updatePrefs(user.id, patch, locals.locale), 200, noStore);
});
