/**
 * A new password from a reset link without JavaScript: the form posts here when
 * the page is not live. Live, the page goes through the API; both through the
 * same `confirmPasswordReset`, which ends every other session, and this one starts.
 */
import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { resetConfirm } from '$lib/domain/notifications';
import { ApiError } from '$lib/server/http/api-error';
import { field, refuse } from '$lib/server/http/form-action';
import { confirmPasswordReset, validateNotify } from '$lib/server/notify';
import { startSession } from '$lib/server/auth/start-session';

export const actions: Actions = {
	default: async ({ request, params, cookies, url }) => {
		const password = field(await request.formData(), 'password');
		try {
			const input = validateNotify(resetConfirm, { token: params.token, password });
			const user = await confirmPasswordReset(input.token, input.password);
			startSession(cookies, url, user.id);
		} catch (err) {
			// A link used, expired or mistyped: the page says so and offers a new one.
			if (err instanceof ApiError && (err.code === 'invalid_token' || err.fields?.token)) return fail(400, { invalidLink: true as const });
			// The password never comes back to the form.
			return refuse(err, {});
		}
		return { done: true as const };
	}
};
