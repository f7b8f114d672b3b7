import { endpoint } from '$lib/server/http/endpoint';
import { readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { unauthorized } from '$lib/server/http/api-error';
import { passwordChange } from '$lib/domain/validation/account';
import { changePassword } from '$lib/server/auth/change-password';

/** Extension to API.md: change my password; every other session of mine ends, this one stays. */
export const POST = endpoint(async ({ request, locals, getClientAddress }) => {
	const user = requireUser(locals);
	if (!locals.session) throw unauthorized();
	const { currentPassword, newPassword } = await readJson(request, passwordChange);
	await changePassword(user, locals.session.id, getClientAddress(), currentPassword, newPassword);
	return new Response(null, { status: 204 });
});
