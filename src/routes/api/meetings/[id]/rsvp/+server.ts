import { endpoint } from '$lib/server/http/endpoint';
import { json, readJson } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { rsvpInput } from '$lib/domain/meetings/validation';
import { answerMeeting } from '$lib/server/meetings';
import { meetingIdParam } from '../params';

export const POST = endpoint(async ({ params, request, locals }) => {
	const user = requireUser(locals);
	const id = meetingIdParam(params);
	const { answer } = await readJson(request, rsvpInput);
	return json({ meeting: answerMeeting(user, id, answer) });
});
