import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';
import { fetchInitiative } from '$lib/api/initiatives';
import { fetchHistory } from '$lib/api/history';

export const load: PageLoad = async ({ fetch, params }) => {
	const view = await fetchInitiative(fetch, params.id);
	if (view.viewerRole !== 'owner' && view.viewerRole !== 'admin') {
		error(403, 'Seules les personnes responsables de l’initiative voient son historique.');
	}
	return { ...view, history: await fetchHistory(fetch, params.id) };
};
