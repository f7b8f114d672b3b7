import { endpoint } from '$lib/server/http/endpoint';
import { json, validate } from '$lib/server/http/json';
import { nearQuery, queryObject } from '$lib/domain/validation/query';
import { findInitiativesNear } from '$lib/server/initiatives';

/** Public proximity feed (a static route, so it wins over `[id]`). */
export const GET = endpoint(({ url }) => {
	const query = validate(nearQuery, queryObject(url.searchParams));
	return json(findInitiativesNear(query));
});
