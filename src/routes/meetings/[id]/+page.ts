import type { PageLoad } from './$types';
import { fetchMeeting } from '$lib/api/meetings';
import { fetchInitiative } from '$lib/api/initiatives';

/** The meeting (offline: the copy seen last, or one scheduled here) and the viewer's role in its initiative. */
export const load: PageLoad = async ({ fetch, params, parent }) => {
	const { user } = await parent();
	const meeting = await fetchMeeting(fetch, params.id, user);
	const view = await fetchInitiative(fetch, meeting.initiativeId).catch(() => null);
	// Offline on a device that never saw the initiative (a share file imported here), the role is unknown:
	// meeting mode still opens its local copy, and the relay decides once online.
	return { meeting, initiative: view?.initiative ?? null, viewerRole: view?.viewerRole ?? null, roleKnown: view !== null };
};
