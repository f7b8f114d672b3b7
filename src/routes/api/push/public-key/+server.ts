import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { vapidKeys } from '$lib/server/notify';

/** API.md: the VAPID public key browsers subscribe with. */
export const GET = endpoint(() => json({ key: vapidKeys().publicKey }));
