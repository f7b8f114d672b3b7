/**
 * Digests: to each person whose choice is `frequency` (weekly for people who
 * chose nothing), one mail listing their unread activity not yet mailed.
 * Nothing new → no mail; items are claimed before sending, so the same item
 * is never mailed twice, even by two senders at once.
 */
import { store } from '$store/db';
import { sendMail } from '../mail';
import { log } from '../log';
import { activityItems } from './list';
import { claimDigestItems, releaseClaim } from './claim';
import { claimSharedForDigest, sharedPendingByPerson } from './shared-rows';
import { personToNotify } from './recipients';
import { publicOrigin } from './origin';
import { digestMail } from './mail/activity-mail';
import { unsubscribeHeaders, unsubscribeUrl } from './mail/footer';

export type Frequency = 'daily' | 'weekly';

/** At most this many items in one digest (the newest). */
const DIGEST_MAX_ITEMS = 200;

interface Pending {
	own: number[];
	shared: number[];
}

/**
 * The unread items not yet mailed of people whose choice is `frequency`, by person: their own rows in
 * one pass over the `activity_unmailed` index (ordered by id, so that writing activity appends to it),
 * and the shared rows they see above their read and mailed marks. Each list newest first, at most
 * DIGEST_MAX_ITEMS together (older ones beyond are left out of the mail, not mailed later).
 */
function pendingByPerson(frequency: Frequency): Map<string, Pending> {
	const rows = store()
		.sqlite.prepare(
			`SELECT a.id, a.user_id AS userId FROM activity a INDEXED BY activity_unmailed
			 LEFT JOIN notification_prefs p ON p.user_id = a.user_id
			 WHERE a.user_id IS NOT NULL AND a.read_at IS NULL AND a.mailed_at IS NULL AND COALESCE(p.email_digest, 'weekly') = ?
			 ORDER BY a.id DESC`
		)
		.all(frequency) as { id: number; userId: string }[];
	const byPerson = new Map<string, Pending>();
	const of = (userId: string) => {
		let pending = byPerson.get(userId);
		if (!pending) byPerson.set(userId, (pending = { own: [], shared: [] }));
		return pending;
	};
	for (const { id, userId } of rows) of(userId).own.push(id);
	for (const [userId, ids] of sharedPendingByPerson(frequency)) of(userId).shared = ids;
	for (const pending of byPerson.values()) {
		const newest = [...pending.own, ...pending.shared].sort((a, b) => b - a).slice(0, DIGEST_MAX_ITEMS);
		const oldest = newest[newest.length - 1];
		pending.own = pending.own.filter((id) => id >= oldest);
		pending.shared = pending.shared.filter((id) => id >= oldest);
	}
	return byPerson;
}

/** Sends the digests of `frequency` now; resolves with how many mails left. */
export async function sendDigests(frequency: Frequency, origin = publicOrigin()): Promise<number> {
	const people = pendingByPerson(frequency);
	let sent = 0;
	for (const [userId, pending] of people) {
		if (await sendDigestTo(userId, pending, origin)) sent++;
	}
	log.info('digests_sent', { frequency, people: people.size, sent });
	return sent;
}

async function sendDigestTo(userId: string, pending: Pending, origin: string): Promise<boolean> {
	const person = personToNotify(userId);
	if (!person) return false;
	// Claimed now: an item read or mailed since the pass above stays out.
	const own = claimDigestItems(userId, pending.own);
	const shared = claimSharedForDigest(userId, pending.shared);
	const ids = [...own, ...shared.ids];
	if (ids.length === 0) return false;
	const links = { origin, unsubscribeUrl: unsubscribeUrl(origin, person.unsubscribeToken) };
	try {
		const rendered = digestMail(person, activityItems(ids), links);
		await sendMail({ to: person.email, ...rendered, headers: unsubscribeHeaders(links.unsubscribeUrl) });
		return true;
	} catch (err) {
		releaseClaim(own);
		shared.release();
		log.error('digest_mail_failed', { error: String(err) });
		return false;
	}
}
