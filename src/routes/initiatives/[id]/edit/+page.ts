import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';
import { fetchInitiative } from '$lib/api/initiatives';

export const load: PageLoad = async ({ fetch, params }) => {
	const view = await fetchInitiative(fetch, params.id);
	if (view.viewerRole !== 'owner' && view.viewerRole !== 'admin') error(403, 'Seules les personnes fondatrices et admins peuvent modifier.');
	return view;
};
