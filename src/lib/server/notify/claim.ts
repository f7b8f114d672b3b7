/**
 * Marks activity as mailed before the mail leaves (so two senders — the
 * server's job and `npm run digest` — never mail the same item), and gives
 * the claim back if sending fails.
 */
import { store } from '$store/db';

/** Claims the given items of `userId` not yet mailed; returns the ids claimed. */
export function claimForMail(userId: string, ids: number[]): number[] {
	if (ids.length === 0) return [];
	return (
		store()
			.sqlite.prepare(
				`UPDATE activity SET mailed_at = ? WHERE user_id = ? AND mailed_at IS NULL AND id IN (SELECT value FROM json_each(?)) RETURNING id`
			)
			.all(Date.now(), userId, JSON.stringify(ids)) as { id: number }[]
	).map((r) => r.id);
}

/** Claims those of `ids` that are `userId`'s, still unread and not yet mailed (a digest); returns the ids claimed. */
export function claimDigestItems(userId: string, ids: number[]): number[] {
	if (ids.length === 0) return [];
	return (
		store()
			.sqlite.prepare(
				`UPDATE activity SET mailed_at = ? WHERE user_id = ? AND read_at IS NULL AND mailed_at IS NULL
				 AND id IN (SELECT value FROM json_each(?)) RETURNING id`
			)
			.all(Date.now(), userId, JSON.stringify(ids)) as { id: number }[]
	).map((r) => r.id);
}

/** Gives back a claim whose mail could not be sent. */
export function releaseClaim(ids: number[]): void {
	if (ids.length === 0) return;
	store().sqlite.prepare('UPDATE activity SET mailed_at = NULL WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
}
