import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { requireUser } from '$lib/server/auth/guard';
import { rotateCalendarFeed } from '$lib/server/meetings';

/** A new private feed URL; the previous one stops working. */
export const POST = endpoint(({ locals, url }) => json({ url: rotateCalendarFeed(requireUser(locals), url.origin) }, 201));
