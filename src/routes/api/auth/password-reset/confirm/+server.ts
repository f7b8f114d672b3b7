import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { resetConfirm } from '$lib/domain/notifications';
import { confirmPasswordReset, readNotifyJson } from '$lib/server/notify';
import { startSession } from '$lib/server/auth/start-session';
import { toPublicUser } from '$lib/server/users';

/** API.md: a new password from a reset link; every other session ends, this one starts. */
export const POST = endpoint(async ({ request, cookies, url }) => {
	const { token, password } = await readNotifyJson(request, resetConfirm);
	const user = await confirmPasswordReset(token, password);
	startSession(cookies, url, user.id);
	return json({ user: toPublicUser(user) });
});
