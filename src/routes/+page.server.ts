import type { PageServerLoad } from './$types';
import { toMe } from '$lib/server/users';

/** The feed starts around the person's home: their own coordinates, sent only to them. */
export const load: PageServerLoad = ({ locals }) => ({
	home: locals.user ? toMe(locals.user).home : null
});
