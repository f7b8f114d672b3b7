import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { meetingPatch } from '$lib/domain/meetings/validation';
import { patchMeeting, toMeeting, visibleMeeting } from '$lib/server/meetings';
import { meetingIdParam } from './params';

export const GET = endpoint(({ params, locals }) => {
	const { row, role } = visibleMeeting(meetingIdParam(params), locals.user?.id);
	return json({ meeting: toMeeting(row, { userId: locals.user?.id, role }) });
});

export const PATCH = endpoint(async ({ params, request, locals }) => {
	const id = meetingIdParam(params);
	const patch = await readJson(request, meetingPatch);
	return json({ meeting: patchMeeting(locals.user, id, patch) });
});
