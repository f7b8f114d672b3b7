import type { PageLoad } from './$types';
import { fetchInitiative, fetchMembers } from '$lib/api/initiatives';

export const load: PageLoad = async ({ fetch, params }) => {
	const [view, members] = await Promise.all([fetchInitiative(fetch, params.id), fetchMembers(fetch, params.id)]);
	return { ...view, members };
};
