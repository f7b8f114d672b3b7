import { endpoint } from '$lib/server/http/endpoint';
import { json, validate } from '$lib/server/http/json';
import { queryObject, DEFAULT_RADIUS_KM } from '$lib/domain/validation/query';
import { meetingsNearQuery } from '$lib/domain/meetings/validation';
import { listMeetingsNear } from '$lib/server/meetings';

/** Upcoming confirmed meetings near a point (a static route, so it wins over `[id]`). */
export const GET = endpoint(({ url, locals }) => {
	const q = validate(meetingsNearQuery, queryObject(url.searchParams));
	return json({ items: listMeetingsNear({ ...q, radiusKm: q.radiusKm ?? DEFAULT_RADIUS_KM }, locals.user) });
});
