import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { signupInput } from '$lib/domain/validation/account';
import { createUser, toPublicUser } from '$lib/server/users';
import { startSession } from '$lib/server/auth/start-session';
import { countSignup } from '$lib/server/auth/signup-limit';

export const POST = endpoint(async ({ request, cookies, url, getClientAddress }) => {
	const input = await readJson(request, signupInput);
	countSignup(getClientAddress());
	const user = await createUser(input);
	startSession(cookies, url, user.id);
	return json({ user: toPublicUser(user) }, 201);
});
