import type { PageLoad } from './$types';
import { fetchInitiative, fetchMembers } from '$lib/api/initiatives';

export const load: PageLoad = async ({ fetch, params, parent }) => {
	const { user } = await parent();
	// Visitors see the member count only: the list needs a session.
	const [view, members] = await Promise.all([fetchInitiative(fetch, params.id), user ? fetchMembers(fetch, params.id) : null]);
	return { ...view, members, ownDescription: true };
};
