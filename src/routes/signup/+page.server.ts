/**
 * Sign-up without JavaScript: the form posts here when the page is not live (a
 * slow phone before its scripts run, scripts off). Live, the page signs up
 * through the API instead; both go through the same `signUp`.
 */
import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { signupInput } from '$lib/domain/validation/account';
import { validate } from '$lib/server/http/json';
import { field, refuse } from '$lib/server/http/form-action';
import { signUp } from '$lib/server/auth/sign-up';
import { continueAfterAuthOnServer } from '$lib/server/initiatives/join-after-auth';

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const values = { email: field(form, 'email'), displayName: field(form, 'displayName'), kind: field(form, 'kind') || 'person' };
		let target: string;
		try {
			const input = validate(signupInput, { ...values, password: field(form, 'password') });
			const user = await signUp(input, { cookies, url, ip: getClientAddress() });
			target = continueAfterAuthOnServer(user, url.searchParams, '/profile');
		} catch (err) {
			// What was typed comes back to the form; the password never does.
			return refuse(err, values);
		}
		redirect(303, target);
	}
};
