import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { toMe } from '$lib/server/users';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	const me = toMe(locals.user);
	return { home: me.home, discoverable: me.discoverable };
};
