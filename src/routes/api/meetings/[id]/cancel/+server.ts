import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { cancelMeeting } from '$lib/server/meetings';
import { meetingIdParam } from '../params';

export const POST = endpoint(({ params, locals }) => json({ meeting: cancelMeeting(locals.user, meetingIdParam(params)) }));
