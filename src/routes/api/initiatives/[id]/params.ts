import { isValidId } from '$lib/domain/ids';
import { notFound } from '$lib/server/http/api-error';

/** The `:id` path segment; an id that cannot exist is simply unknown (404). */
export function initiativeIdParam(params: { id?: string }): string {
	if (!params.id || !isValidId(params.id)) throw notFound("Cette initiative n'existe pas.");
	return params.id;
}
