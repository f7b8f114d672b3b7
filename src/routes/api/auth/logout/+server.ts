import { endpoint } from '$lib/server/http/endpoint';
import { invalidateSession } from '$lib/server/auth/session';
import { clearSessionCookie } from '$lib/server/auth/cookie';

export const POST = endpoint(({ cookies, url, locals }) => {
	if (locals.session) invalidateSession(locals.session.id);
	clearSessionCookie(cookies, url);
	return new Response(null, { status: 204 });
});
