import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { listMembers } from '$lib/server/initiatives';
import { initiativeIdParam } from '../params';

export const GET = endpoint(({ params }) => json({ items: listMembers(initiativeIdParam(params)) }));
