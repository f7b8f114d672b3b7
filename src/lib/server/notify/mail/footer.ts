/** The small print of notification mails and their RFC 8058 one-click unsubscribe headers. */
import type { Translate } from '$lib/i18n/translate';
import type { MailContent } from './layout';

/** Links every notification mail carries. */
export interface MailLinks {
	origin: string;
	unsubscribeUrl: string;
}

/** The unsubscribe URL of a token on `origin`. */
export const unsubscribeUrl = (origin: string, token: string) => `${origin}/api/unsubscribe/${token}`;

/** Footer lines: why this mail, where to choose, how to leave in one click. */
export function notificationFooter(t: Translate, links: MailLinks): MailContent['footer'] {
	const settings = `${links.origin}/settings`;
	return [
		{ text: t('notify.mail.footer') },
		{ text: t('notify.mail.settings', { url: settings }), label: t('notify.mail.settingsLink'), url: settings },
		{ text: t('notify.mail.unsubscribe', { url: links.unsubscribeUrl }), label: t('notify.mail.unsubscribeLink'), url: links.unsubscribeUrl }
	];
}

/** RFC 2369 / RFC 8058 headers: mail providers offer a one-click unsubscribe that POSTs to the link. */
export function unsubscribeHeaders(url: string): Record<string, string> {
	return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
