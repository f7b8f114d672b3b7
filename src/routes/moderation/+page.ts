import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
	const { user } = await parent();
	if (!user) redirect(303, '/login');
	return { status: url.searchParams.get('status') === 'closed' ? ('closed' as const) : ('open' as const) };
};
