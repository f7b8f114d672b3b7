/**
 * Log-in without JavaScript: the form posts here when the page is not live (a
 * slow phone before its scripts run, scripts off). Live, the page logs in
 * through the API instead; both go through the same `logIn`.
 */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { loginInput } from '$lib/domain/validation/account';
import { validate } from '$lib/server/http/json';
import { ApiError } from '$lib/server/http/api-error';
import { logIn } from '$lib/server/auth/login';
import { initiativeIdOf, safeNextPath } from '$lib/domain/next-path';
import { joinInitiative } from '$lib/server/initiatives';
import { initiativeVisibility } from '$lib/server/moderation';
import { log } from '$lib/server/log';

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		try {
			const input = validate(loginInput, { email, password: String(form.get('password') ?? '') });
			const user = await logIn(input.email, input.password, { cookies, url, previousSessionId: locals.session?.id, ip: getClientAddress() });
			const next = safeNextPath(url.searchParams.get('next'));
			const joining = url.searchParams.get('join') === '1' ? initiativeIdOf(next) : null;
			if (joining) {
				try {
					initiativeVisibility(joining, user.id);
					joinInitiative(user, joining);
				} catch (err) {
					// As after a log-in through the API: the initiative offers « Rejoindre » again.
					log.warn('join_after_login_failed', { initiativeId: joining, error: String(err) });
				}
			}
			redirect(303, next ?? '/');
		} catch (err) {
			if (!(err instanceof ApiError)) throw err;
			if (err.code === 'account_suspended') redirect(303, '/suspended');
			// The e-mail comes back to the form; the password never does.
			return fail(err.status, { email, message: err.message, fields: err.fields ?? {} });
		}
	}
};
