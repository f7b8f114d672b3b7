import { endpoint } from '$lib/server/http/endpoint';
import { readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { passwordChange } from '$lib/domain/validation/account';
import { changePassword } from '$lib/server/auth/change-password';
import { startSession } from '$lib/server/auth/start-session';

/** Extension to API.md: change my password; every other session of mine ends. */
export const POST = endpoint(async ({ request, locals, cookies, url }) => {
	const user = requireUser(locals);
	const { currentPassword, newPassword } = await readJson(request, passwordChange);
	await changePassword(user, currentPassword, newPassword);
	startSession(cookies, url, user.id);
	return new Response(null, { status: 204 });
});
