import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import { ApiError, errorResponse } from './api-error';
import { log } from '../log';

/**
 * Wraps a JSON endpoint so that ApiError becomes API.md's error body and
 * anything unexpected becomes a logged 500 without a stack trace.
 */
export function endpoint<E extends RequestEvent>(
	handler: (event: E) => Promise<Response> | Response
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (err) {
			if (err instanceof ApiError) {
				return errorResponse(err.status, err.code, err.message, err.fields, err.headers);
			}
			log.error('endpoint_failed', { requestId: event.locals.requestId, path: event.url.pathname, error: String(err) });
			return errorResponse(500, 'internal_error', 'Une erreur inattendue est survenue.');
		}
	};
}

export type { RequestHandler };
