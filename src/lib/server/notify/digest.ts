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

/** Sends the digests of `frequency` now; resolves with how many mails left. */
export async function sendDigests(frequency: Frequency, origin = publicOrigin()): Promise<number> {
	const people = store()
		.sqlite.prepare(
			`SELECT DISTINCT a.user_id AS userId FROM activity a
			 LEFT JOIN notification_prefs p ON p.user_id = a.user_id
			 WHERE a.read_at IS NULL AND a.mailed_at IS NULL AND COALESCE(p.email_digest, 'weekly') = ?`
		)
		.all(frequency) as { userId: string }[];
	let sent = 0;
	for (const { userId } of people) {
		if (await sendDigestTo(userId, origin)) sent++;
	}
	log.info('digests_sent', { frequency, people: people.length, sent });
	return sent;
}

async function sendDigestTo(userId: string, origin: string): Promise<boolean> {
	const person = personToNotify(userId);
	if (!person) return false;
	const ids = claimDigestItems(userId);
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
