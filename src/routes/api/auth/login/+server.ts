import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { loginInput } from '$lib/domain/validation/account';
import { toPublicUser } from '$lib/server/users';
import { checkCredentials } from '$lib/server/auth/login';
import { startSession } from '$lib/server/auth/start-session';
import { assertNotSuspended } from '$lib/server/moderation/suspension';

export const POST = endpoint(async ({ request, cookies, url, locals, getClientAddress }) => {
	const { email, password } = await readJson(request, loginInput);
	const user = await checkCredentials(email, password, getClientAddress());
	assertNotSuspended(user);
	startSession(cookies, url, user.id, locals.session?.id);
	return json({ user: toPublicUser(user) });
});
