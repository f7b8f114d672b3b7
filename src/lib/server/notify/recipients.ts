/** Who a mail or a push goes to: address, name, language and choices, in one read. */
import { store } from '$store/db';
import { perConnection } from '$store/per-connection';
import type { Locale } from '$lib/i18n/catalog';
import { prefsRow } from './prefs';

export interface Person {
	userId: string;
	email: string;
	displayName: string;
	locale: Locale;
	emailDigest: 'off' | 'daily' | 'weekly';
	emailInstant: boolean;
	push: boolean;
	unsubscribeToken: string;
}

const userStatement = perConnection((sqlite) => sqlite.prepare('SELECT id, email, display_name AS displayName FROM users WHERE id = ?'));

/** The person `userId` with their notification choices (created with the defaults if missing), or null. */
export function personToNotify(userId: string): Person | null {
	const user = userStatement(store().sqlite).get(userId) as { id: string; email: string; displayName: string } | undefined;
	if (!user) return null;
	const prefs = prefsRow(userId);
	return {
		userId,
		email: user.email,
		displayName: user.displayName,
		locale: prefs.locale,
		emailDigest: prefs.emailDigest,
		emailInstant: prefs.emailInstant,
		push: prefs.push,
		unsubscribeToken: prefs.unsubscribeToken
	};
}
