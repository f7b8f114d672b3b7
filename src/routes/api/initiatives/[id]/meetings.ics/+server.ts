import { endpoint } from '$lib/server/http/endpoint';
import { calendarResponse, initiativeCalendar } from '$lib/server/meetings';
import { initiativeIdParam } from '../params';

/** The initiative's meetings for calendar apps (no cookie needed). */
export const GET = endpoint(({ params, url }) => {
	const id = initiativeIdParam(params);
	return calendarResponse(initiativeCalendar(id, url.origin), `${id}.ics`);
});
