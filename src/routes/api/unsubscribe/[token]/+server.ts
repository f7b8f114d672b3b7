import { endpoint } from '$lib/server/http/endpoint';
import { json } from '$lib/server/http/json';
import { notFound } from '$lib/server/http/api-error';
import { unsubscribeByToken, unsubscribeTokenExists } from '$lib/server/notify';
import { unsubscribePage } from '$lib/server/notify/unsubscribe-page';

const TOKEN = /^[a-z2-7]{16,64}$/;

/**
 * RFC 8058 one-click unsubscribe: mail providers POST `List-Unsubscribe=One-Click`
 * with no cookie and no Origin; the unguessable token is the protection (this
 * one route is exempt from the cross-site form checks, see hooks.server.ts).
 */
export const POST = endpoint(({ params, request, locals }) => {
	const token = params.token ?? '';
	if (!TOKEN.test(token) || !unsubscribeByToken(token)) throw notFound('Ce lien de désabonnement n’est pas valable.');
	// Our own page's button submits a form and wants a page back; providers get JSON.
	if (request.headers.get('accept')?.includes('text/html')) return unsubscribePage(locals.locale, token, 'done');
	return json({ unsubscribed: true });
});

/** Link scanners fetch URLs: a GET only shows a page with a button and changes nothing. */
export const GET = endpoint(({ params, locals }) => {
	const token = params.token ?? '';
	const known = TOKEN.test(token) && unsubscribeTokenExists(token);
	return unsubscribePage(locals.locale, token, known ? 'ask' : 'unknown');
});
