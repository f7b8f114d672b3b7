import type { PageServerLoad } from './$types';
import { toMe } from '$lib/server/users';

/** The map opens on the person's home when set (their own coordinates, sent only to them). */
export const load: PageServerLoad = ({ locals }) => ({
	home: locals.user ? toMe(locals.user).home : null
});
