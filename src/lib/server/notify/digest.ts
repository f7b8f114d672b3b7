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
import { personToNotify } from './recipients';
import { publicOrigin } from './origin';
import { digestMail } from './mail/activity-mail';
import { unsubscribeHeaders, unsubscribeUrl } from './mail/footer';

export type Frequency = 'daily' | 'weekly';

/** At most this many items in one digest (the newest). */
const DIGEST_MAX_ITEMS = 200;

/**
 * The unread items not yet mailed of people whose choice is `frequency`, newest first, by person:
 * one pass over the `activity_unmailed` index (ordered by id, so that writing activity appends to it).
 */
function pendingByPerson(frequency: Frequency): Map<string, number[]> {
	const rows = store()
		.sqlite.prepare(
			`SELECT a.id, a.user_id AS userId FROM activity a INDEXED BY activity_unmailed
			 LEFT JOIN notification_prefs p ON p.user_id = a.user_id
			 WHERE a.read_at IS NULL AND a.mailed_at IS NULL AND COALESCE(p.email_digest, 'weekly') = ?
			 ORDER BY a.id DESC`
		)
		.all(frequency) as { id: number; userId: string }[];
	const byPerson = new Map<string, number[]>();
	for (const { id, userId } of rows) {
		const ids = byPerson.get(userId);
		if (!ids) byPerson.set(userId, [id]);
		else if (ids.length < DIGEST_MAX_ITEMS) ids.push(id);
	}
	return byPerson;
}

/** Sends the digests of `frequency` now; resolves with how many mails left. */
export async function sendDigests(frequency: Frequency, origin = publicOrigin()): Promise<number> {
	const people = pendingByPerson(frequency);
	let sent = 0;
	for (const [userId, ids] of people) {
		if (await sendDigestTo(userId, ids, origin)) sent++;
	}
	log.info('digests_sent', { frequency, people: people.size, sent });
	return sent;
}

async function sendDigestTo(userId: string, pending: number[], origin: string): Promise<boolean> {
	const person = personToNotify(userId);
	if (!person) return false;
	// Claimed now: an item read or mailed since the pass above stays out.
	const ids = claimDigestItems(userId, pending);
	if (ids.length === 0) return false;
	const links = { origin, unsubscribeUrl: unsubscribeUrl(origin, person.unsubscribeToken) };
	try {
		const rendered = digestMail(person, activityItems(ids), links);
		await sendMail({ to: person.email, ...rendered, headers: unsubscribeHeaders(links.unsubscribeUrl) });
		return true;
	} catch (err) {
		releaseClaim(ids);
		log.error('digest_mail_failed', { error: String(err) });
		return false;
	}
}
