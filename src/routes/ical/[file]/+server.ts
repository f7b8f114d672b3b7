import { endpoint } from '$lib/server/http/endpoint';
import { calendarResponse, feedCalendar } from '$lib/server/meetings';

/** A person's private calendar feed `/ical/<secret>.ics` (no cookie: calendar apps fetch it). */
export const GET = endpoint(({ params, url }) => calendarResponse(feedCalendar(params.file ?? '', url.origin), 'kohero.ics'));
