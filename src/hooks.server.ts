import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { openStore } from '$store/db';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { LOCALE_COOKIE, parseLocale } from '$lib/i18n/catalog';
import { errorResponse } from '$lib/server/http/api-error';
import { securityHeaders } from '$lib/server/http/security-headers';
import { isApiRequest, keepPrivate } from '$lib/server/http/request-scope';
import { log } from '$lib/server/log';
import { newId } from '$lib/domain/ids';
import { isOneClickUnsubscribe, refuseCrossSiteForms } from '$lib/server/http/cross-site-form';

export const init: ServerInit = () => {
	openStore();
};

const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || newId(12);
	event.locals.locale = parseLocale(event.cookies.get(LOCALE_COOKIE));
	const token = event.cookies.get(SESSION_COOKIE);
	const { session, user } = token ? validateSessionToken(token) : { session: null, user: null };
	event.locals.session = session;
	event.locals.user = user;
	if (token && session) setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

/**
 * The JSON API is called with fetch, which SvelteKit's form CSRF check does
 * not cover: refuse state-changing requests that a browser marks cross-site.
 */
const refuseCrossSite: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (isOneClickUnsubscribe(request.method, url.pathname)) return resolve(event);
	if (isApiRequest(event) && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
		const origin = request.headers.get('origin');
		const site = request.headers.get('sec-fetch-site');
		if ((origin && origin !== url.origin) || site === 'cross-site') {
			return errorResponse(403, 'cross_site_request', 'Requête d’un autre site refusée.');
		}
	}
	return resolve(event);
};

/** Every /api error answers API.md's JSON shape, even those SvelteKit produces (404, 405). */
const jsonApiErrors: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!isApiRequest(event) || response.status < 400) return response;
	if (response.headers.get('content-type')?.includes('application/json')) {
		const body = (await response.clone().json().catch(() => null)) as { error?: unknown } | null;
		if (body && typeof body === 'object' && 'error' in body) return response;
	}
	const known: Record<number, [string, string]> = {
		404: ['not_found', 'Introuvable.'],
		405: ['method_not_allowed', 'Méthode non autorisée.'],
		413: ['payload_too_large', 'Le corps de la requête dépasse 64 ko.'],
		403: ['forbidden', 'Accès refusé.']
	};
	const [code, message] = known[response.status] ?? ['internal_error', 'Une erreur inattendue est survenue.'];
	const headers: Record<string, string> = {};
	const allow = response.headers.get('allow');
	if (allow) headers.allow = allow;
	return errorResponse(response.status, code, message, undefined, headers);
};

const logRequest: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	securityHeaders(response.headers);
	keepPrivate(response.headers, Boolean(event.locals.user));
	response.headers.set('x-request-id', event.locals.requestId);
	if (process.env.KOHERO_LOG_REQUESTS === '1' || response.status >= 500) {
		log.info('request', {
			requestId: event.locals.requestId,
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started)
		});
	}
	return response;
};

export const handle = sequence(logRequest, authenticate, refuseCrossSiteForms, refuseCrossSite, jsonApiErrors);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) {
		log.error('unhandled_error', { requestId: event.locals.requestId, path: event.url.pathname, error: String(error) });
	}
	return { message: status === 404 ? 'Page introuvable.' : 'Une erreur inattendue est survenue.' };
};
