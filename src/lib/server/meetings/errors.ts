/** Meeting errors in API.md's shape, French first through the i18n layer. */
import { translator } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/catalog';
import { ApiError, badRequest, conflict, forbidden, notFound } from '../http/api-error';

const t = translator('fr');
type Key = MessageKey extends infer K ? (K extends `meetings.errors.${infer R}` ? R : never) : never;

/** The French message of `meetings.errors.<key>`. */
export const meetingMessage = (key: Key, values?: Record<string, string | number>): string =>
	t(`meetings.errors.${key}` as MessageKey, values);

export const meetingNotFound = () => notFound(meetingMessage('not_found'));
export const managersOnly = () => forbidden(meetingMessage('owners_only'));
/** A 400 naming one field. */
export const fieldError = (field: string, key: Key) => badRequest({ [field]: meetingMessage(key) });
export const meetingConflict = (code: string, key: Key) => conflict(code, meetingMessage(key));
export const inviteExpired = () => new ApiError(410, 'invite_expired', meetingMessage('invite_expired'));
