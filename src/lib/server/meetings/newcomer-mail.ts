/**
 * Newcomers met at a meeting: once an entry with an e-mail and consent reaches
 * the server (through the relay), that person gets ONE invitation e-mail. Sent
 * entries are recorded in SQLite before sending, so reconnects, several
 * devices holding the entry and restarts never send it twice.
 */
import type * as Y from 'yjs';
import { and, count, eq } from 'drizzle-orm';
import { db } from '$store/db';
import { initiatives, meetingNewcomerMails, meetings } from '$store/schema';
import { newcomersOf, newcomersToInvite, type Newcomer } from '$lib/domain/meetings/doc';
import { translator } from '$lib/i18n/translate';
import type { DocKind } from '$relay/hooks';
import { sendMail, type OutgoingMail } from '../mail';
import { log } from '../log';
import { usableInviteUrl } from './invites';

const t = translator('fr');
/** A member cannot turn a meeting into a mailing list: at most this many invitations per meeting. */
export const NEWCOMER_MAILS_PER_MEETING = 100;

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The invitation mail to a newcomer (text and escaped HTML). */
export function newcomerMail(input: { to: string; name: string; meeting: string; initiative: string; url: string }): OutgoingMail {
	const values = { name: input.name, meeting: input.meeting, initiative: input.initiative };
	const hello = t('meetings.mail.newcomerHello', values);
	const body = t('meetings.mail.newcomerBody', values);
	const cta = t('meetings.mail.newcomerCta');
	const footer = t('meetings.mail.newcomerFooter');
	return {
		to: input.to,
		subject: t('meetings.mail.newcomerSubject', values),
		text: `${hello}\n\n${body}\n${input.url}\n\n${footer}\n`,
		html:
			`<p>${escapeHtml(hello)}</p><p>${escapeHtml(body)}</p>` +
			`<p><a href="${escapeHtml(input.url)}">${escapeHtml(cta)}</a></p><p><small>${escapeHtml(footer)}</small></p>`
	};
}

/** Records the entry as sent; false when it already was (or the meeting's quota is reached). */
function claim(meetingId: string, entryId: string): boolean {
	return db().transaction((tx) => {
		const sent = tx.select({ n: count() }).from(meetingNewcomerMails).where(eq(meetingNewcomerMails.meetingId, meetingId)).get();
		if ((sent?.n ?? 0) >= NEWCOMER_MAILS_PER_MEETING) return false;
		const result = tx.insert(meetingNewcomerMails).values({ meetingId, entryId, sentAt: Date.now() }).onConflictDoNothing().run();
		return result.changes === 1;
	});
}

function release(meetingId: string, entryId: string): void {
	db().delete(meetingNewcomerMails)
		.where(and(eq(meetingNewcomerMails.meetingId, meetingId), eq(meetingNewcomerMails.entryId, entryId)))
		.run();
}

async function invite(meetingId: string, newcomer: Newcomer & { email: string }): Promise<void> {
	const found = db()
		.select({ meeting: meetings, initiative: initiatives.title })
		.from(meetings)
		.innerJoin(initiatives, eq(initiatives.id, meetings.initiativeId))
		.where(eq(meetings.id, meetingId))
		.get();
	if (!found) return;
	const url = usableInviteUrl(found.meeting.initiativeId, meetingId);
	if (!url || !claim(meetingId, newcomer.id)) return;
	try {
		await sendMail(newcomerMail({ to: newcomer.email, name: newcomer.name, meeting: found.meeting.title, initiative: found.initiative, url }));
	} catch (err) {
		// Not sent: forget the claim so the next change (or restart) tries again.
		release(meetingId, newcomer.id);
		log.error('newcomer_mail_failed', { meetingId, entryId: newcomer.id, error: String(err) });
	}
}

/** A relay watcher: invites consenting newcomers of meeting documents, on load and on every change. */
export function createMeetingNewcomerWatcher(): (docId: string, docKind: DocKind, doc: Y.Doc) => () => void {
	return (docId, docKind, doc) => {
		if (docKind !== 'meeting') return () => {};
		const inFlight = new Set<string>();
		const check = () => {
			for (const newcomer of newcomersToInvite(doc)) {
				if (inFlight.has(newcomer.id)) continue;
				inFlight.add(newcomer.id);
				void invite(docId, newcomer).finally(() => inFlight.delete(newcomer.id));
			}
		};
		const array = newcomersOf(doc);
		const observer = () => check();
		array.observeDeep(observer);
		check();
		return () => array.unobserveDeep(observer);
	};
}
