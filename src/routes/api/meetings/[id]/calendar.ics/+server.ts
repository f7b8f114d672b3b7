import { endpoint } from '$lib/server/http/endpoint';
import { calendarResponse, singleMeetingCalendar, visibleMeeting } from '$lib/server/meetings';
import { meetingIdParam } from '../params';

/** One meeting as an .ics file ("Ajouter à mon agenda"); an API addition beside the contract's calendars. */
export const GET = endpoint(({ params, locals, url }) => {
	const { row } = visibleMeeting(meetingIdParam(params), locals.user?.id);
	return calendarResponse(singleMeetingCalendar(row, url.origin), `${row.id}.ics`);
});
