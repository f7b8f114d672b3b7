/**
 * Log-in without JavaScript: the form posts here when the page is not live (a
 * slow phone before its scripts run, scripts off). Live, the page logs in
 * through the API instead; both go through the same `logIn`.
 */
import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { loginInput } from '$lib/domain/validation/account';
import { validate } from '$lib/server/http/json';
import { field, refuse } from '$lib/server/http/form-action';
import { ApiError } from '$lib/server/http/api-error';
import { logIn } from '$lib/server/auth/login';
import { continueAfterAuthOnServer } from '$lib/server/initiatives/join-after-auth';

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await request.formData();
		const email = field(form, 'email');
		let target: string;
		try {
			const input = validate(loginInput, { email, password: field(form, 'password') });
			const user = await logIn(input.email, input.password, { cookies, url, previousSessionId: locals.session?.id, ip: getClientAddress() });
			target = continueAfterAuthOnServer(user, url.searchParams, '/');
		} catch (err) {
			if (err instanceof ApiError && err.code === 'account_suspended') redirect(303, '/suspended');
			// The e-mail comes back to the form; the password never does.
			return refuse(err, { email });
		}
		redirect(303, target);
	}
};
