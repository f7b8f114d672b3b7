import { endpoint } from '$lib/server/http/endpoint';
import { requireUser } from '$lib/server/auth/guard';
import { pushEndpoint, pushSubscription } from '$lib/domain/notifications';
import { addPushSubscription, readNotifyJson, removePushSubscription } from '$lib/server/notify';

/** API.md: this device receives my push notifications. */
export const POST = endpoint(async ({ request, locals }) => {
	const user = requireUser(locals);
	addPushSubscription(user.id, await readNotifyJson(request, pushSubscription));
	return new Response(null, { status: 201 });
});

/** API.md: this device no longer does. */
export const DELETE = endpoint(async ({ request, locals }) => {
	const user = requireUser(locals);
	const { endpoint: address } = await readNotifyJson(request, pushEndpoint);
	removePushSubscription(user.id, address);
	return new Response(null, { status: 204 });
});
