import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { signupInput } from '$lib/domain/validation/account';
import { toPublicUser } from '$lib/server/users';
import { signUp } from '$lib/server/auth/sign-up';

export const POST = endpoint(async ({ request, cookies, url, getClientAddress }) => {
	const input = await readJson(request, signupInput);
	const user = await signUp(input, { cookies, url, ip: getClientAddress() });
	return json({ user: toPublicUser(user) }, 201);
});
