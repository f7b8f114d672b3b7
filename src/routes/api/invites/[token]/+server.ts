import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { readInvite } from '$lib/server/meetings';

/** What an invitation leads to; no session needed (404 unknown, 410 expired). */
export const GET = endpoint(({ params }) => json(readInvite(params.token ?? '')));
