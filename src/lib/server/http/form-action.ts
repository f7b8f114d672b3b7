/** Forms that post to a page's action when the page is not live (no JavaScript yet, or none). */
import { fail, type ActionFailure } from '@sveltejs/kit';
import { ApiError } from './api-error';

/** What a refused form gets back: the values to show again (never a password) and the refusal. */
export type Refusal<V> = V & { message: string; fields: Record<string, string> };

/** The form's field as a string ('' when missing or a file). */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/**
 * An API refusal (ApiError) as the action's failure: same status, same French message and
 * field messages, with `values` to fill the form again. Anything else (a redirect, a bug) is rethrown.
 */
export function refuse<V extends Record<string, string>>(err: unknown, values: V): ActionFailure<Refusal<V>> {
	if (!(err instanceof ApiError)) throw err;
	return fail(err.status, { ...values, message: err.message, fields: err.fields ?? {} });
}
