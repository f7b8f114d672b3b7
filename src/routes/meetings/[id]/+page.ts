import type { PageLoad } from './$types';
import { fetchMeeting } from '$lib/api/meetings';
import { fetchInitiative } from '$lib/api/initiatives';

/** The meeting (offline: the copy seen last, or one scheduled here) and the viewer's role in its initiative. */
export const load: PageLoad = async ({ fetch, params, parent }) => {
	const { user } = await parent();
	const meeting = await fetchMeeting(fetch, params.id, user);
	const view = await fetchInitiative(fetch, meeting.initiativeId).catch(() => null);
	return { meeting, initiative: view?.initiative ?? null, viewerRole: view?.viewerRole ?? null };
};
