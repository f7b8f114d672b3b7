import { endpoint } from '$lib/server/http/endpoint';
import { resetRequest } from '$lib/domain/notifications';
import { readNotifyJson, requestPasswordReset } from '$lib/server/notify';

/** API.md: 202 whether or not the address has an account; the link arrives by mail. */
export const POST = endpoint(async ({ request, url, locals, getClientAddress }) => {
	const { email } = await readNotifyJson(request, resetRequest);
	requestPasswordReset(email, getClientAddress(), url.origin, locals.locale);
	return new Response(null, { status: 202 });
});
