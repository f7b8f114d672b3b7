import { isValidId } from '$lib/domain/ids';
import { notFound } from '$lib/server/http/api-error';
import { translator } from '$lib/i18n/translate';

/** The `:id` path segment; an id that cannot exist is simply unknown (404). */
export function meetingIdParam(params: { id?: string }): string {
	if (!params.id || !isValidId(params.id)) throw notFound(translator('fr')('meetings.errors.not_found'));
	return params.id;
}
