import type { LayoutServerLoad } from './$types';
import { toPublicUser } from '$lib/server/users';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? toPublicUser(locals.user) : null,
	locale: locals.locale
});
