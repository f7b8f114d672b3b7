import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson, validate } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { queryObject } from '$lib/domain/validation/query';
import { meetingCreate, meetingsListQuery } from '$lib/domain/meetings/validation';
import { createMeeting, listInitiativeMeetings } from '$lib/server/meetings';
import { initiativeIdParam } from '../params';

export const GET = endpoint(({ params, url, locals }) => {
	const { when } = validate(meetingsListQuery, queryObject(url.searchParams));
	return json({ items: listInitiativeMeetings(initiativeIdParam(params), when, locals.user) });
});

/** 201 on creation; 200 when an offline outbox repeats the same id. */
export const POST = endpoint(async ({ params, request, locals, url }) => {
	const user = requireUser(locals);
	const id = initiativeIdParam(params);
	const input = await readJson(request, meetingCreate);
	const { meeting, created } = createMeeting(user, id, input, url.origin);
	return json({ meeting }, created ? 201 : 200);
});
