import { endpoint } from '$lib/server/http/endpoint';
import { validate } from '$lib/server/http/json';
import { bboxQuery, queryObject } from '$lib/domain/validation/query';
import { initiativesGeoJson } from '$lib/server/initiatives';

/** Open data for maps and other sites. */
export const GET = endpoint(({ url }) => {
	const { bbox } = validate(bboxQuery, queryObject(url.searchParams));
	const { collection, truncated } = initiativesGeoJson(bbox);
	return new Response(JSON.stringify(collection), {
		headers: {
			'content-type': 'application/geo+json; charset=utf-8',
			'access-control-allow-origin': '*',
			'x-kohero-truncated': String(truncated)
		}
	});
});
