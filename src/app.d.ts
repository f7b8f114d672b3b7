import type { Session } from '$lib/server/auth/session';
import type { UserRow } from '$store/schema';
import type { Locale } from '$lib/i18n/catalog';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
		}
		interface Locals {
			user: UserRow | null;
			session: Session | null;
			locale: Locale;
			requestId: string;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
