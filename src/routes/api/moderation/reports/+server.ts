import { endpoint } from '$lib/server/http/endpoint';
import { json, validate } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { queryObject } from '$lib/domain/validation/query';
import { reportsQuery } from '$lib/domain/validation/moderation';
import { listReportGroups } from '$lib/server/moderation';

/** The review queue: moderators see every report, owners/admins those on their initiatives' content. */
export const GET = endpoint(({ url, locals }) => {
	const user = requireUser(locals);
	const { status } = validate(reportsQuery, queryObject(url.searchParams));
	return json({ items: listReportGroups(user.id, status) }, 200, { 'cache-control': 'private, no-store' });
});
