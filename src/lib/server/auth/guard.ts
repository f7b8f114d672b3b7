import type { UserRow } from '$store/schema';
import { unauthorized } from '../http/api-error';

/** The signed-in user, or 401. */
export function requireUser(locals: App.Locals): UserRow {
	if (!locals.user) throw unauthorized();
	return locals.user;
}
