import { endpoint } from '$lib/server/http/endpoint';
import { json, validate } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { peopleNearQuery, queryObject } from '$lib/domain/validation/query';
import { findPeopleNear } from '$lib/server/people';
import { countPeopleSearch } from '$lib/server/people-search-limit';

export const GET = endpoint(({ url, locals }) => {
	const user = requireUser(locals);
	const query = validate(peopleNearQuery, queryObject(url.searchParams));
	countPeopleSearch(user.id);
	return json({ items: findPeopleNear(user.id, query) }, 200, { 'cache-control': 'private, no-store' });
});
