import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { profilePatch } from '$lib/domain/validation/account';
import { toMe, updateProfile } from '$lib/server/users';

const noStore = { 'cache-control': 'private, no-store' };

export const GET = endpoint(({ locals }) => json({ user: toMe(requireUser(locals)) }, 200, noStore));

export const PATCH = endpoint(async ({ request, locals }) => {
	const user = requireUser(locals);
	const patch = await readJson(request, profilePatch);
	return json({ user: toMe(updateProfile(user.id, patch)) }, 200, noStore);
});
