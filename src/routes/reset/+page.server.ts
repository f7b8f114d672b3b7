/**
 * Asking for a reset link without JavaScript: the form posts here when the page
 * is not live (a slow phone before its scripts run, scripts off). Live, the page
 * asks through the API instead; both go through the same `requestPasswordReset`,
 * which answers the same whether or not the address has an account.
 */
import type { Actions } from './$types';
import { resetRequest } from '$lib/domain/notifications';
import { field, refuse } from '$lib/server/http/form-action';
import { requestPasswordReset, validateNotify } from '$lib/server/notify';

export const actions: Actions = {
	default: async ({ request, url, locals, getClientAddress }) => {
		const email = field(await request.formData(), 'email');
		try {
			const input = validateNotify(resetRequest, { email });
			requestPasswordReset(input.email, getClientAddress(), url.origin, locals.locale);
		} catch (err) {
			return refuse(err, { email });
		}
		return { sent: true as const };
	}
};
