import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { loginInput } from '$lib/domain/validation/account';
import { toPublicUser } from '$lib/server/users';
import { logIn } from '$lib/server/auth/login';

export const POST = endpoint(async ({ request, cookies, url, locals, getClientAddress }) => {
	const { email, password } = await readJson(request, loginInput);
	const user = await logIn(email, password, { cookies, url, previousSessionId: locals.session?.id, ip: getClientAddress() });
	return json({ user: toPublicUser(user) });
});
