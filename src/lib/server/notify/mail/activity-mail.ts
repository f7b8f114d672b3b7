/** The instant mail of one activity item and the digest of several, built from the same item wording. */
import { activityPath, describeActivity, type ActivityItem } from '$lib/domain/notifications';
import { formatters } from '$lib/i18n/format';
import { translator } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/catalog';
import { renderMail, type RenderedMail } from './layout';
import { notificationFooter, type MailLinks } from './footer';

export interface Recipient {
	displayName: string;
	locale: Locale;
}

function itemLine(locale: Locale, origin: string, item: ActivityItem) {
	const t = translator(locale);
	return { text: describeActivity(t, formatters(locale), item), url: origin + activityPath(item), note: item.excerpt || undefined };
}

/** One item, sent at once (meetings, role changes, moderation decisions, invitations). */
export function instantMail(to: Recipient, item: ActivityItem, links: MailLinks, actionUrl?: string): RenderedMail {
	const t = translator(to.locale);
	const line = itemLine(to.locale, links.origin, item);
	return renderMail({
		lang: to.locale,
		subject: t('notify.mail.instantSubject', { text: line.text }),
		blocks: [
			{ kind: 'text', text: t('notify.mail.greeting', { name: to.displayName }) },
			{ kind: 'text', text: line.text },
			...(item.excerpt && item.type !== 'moderation_decision' ? [{ kind: 'text' as const, text: `« ${item.excerpt} »` }] : []),
			{ kind: 'action', label: t('notify.mail.open'), url: actionUrl ?? line.url }
		],
		footer: notificationFooter(t, links)
	});
}

/** The unread items not yet mailed, newest first. */
export function digestMail(to: Recipient, items: ActivityItem[], links: MailLinks): RenderedMail {
	const t = translator(to.locale);
	return renderMail({
		lang: to.locale,
		subject: t('notify.mail.digestSubject', { count: items.length }),
		blocks: [
			{ kind: 'text', text: t('notify.mail.greeting', { name: to.displayName }) },
			{ kind: 'text', text: t('notify.mail.digestIntro') },
			{ kind: 'list', items: items.map((item) => itemLine(to.locale, links.origin, item)) },
			{ kind: 'action', label: t('notify.mail.open'), url: `${links.origin}/activity` }
		],
		footer: notificationFooter(t, links)
	});
}
