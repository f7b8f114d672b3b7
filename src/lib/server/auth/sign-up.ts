/** Signing up: the per-IP cap, the account, its first session. The one sign-up path (API and form). */
import type { SignupInput } from '$lib/domain/validation/account';
import type { UserRow } from '$store/schema';
import { createUser } from '../users';
import { countSignup } from './signup-limit';
import { startSession, type AuthRequest } from './start-session';

export async function signUp(input: SignupInput, request: AuthRequest): Promise<UserRow> {
	countSignup(request.ip);
	const user = await createUser(input);
	startSession(request.cookies, request.url, user.id);
	return user;
}
