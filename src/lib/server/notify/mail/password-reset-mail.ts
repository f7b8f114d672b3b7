/** The password-reset mail: transactional, so no unsubscribe link. */
import { translator } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/catalog';
import { renderMail, type RenderedMail } from './layout';

/** The mail carrying the single-use link `resetUrl`. */
export function passwordResetMail(locale: Locale, displayName: string, resetUrl: string): RenderedMail {
	const t = translator(locale);
	return renderMail({
		lang: locale,
		subject: t('notify.mail.resetSubject'),
		blocks: [
			{ kind: 'text', text: t('notify.mail.greeting', { name: displayName }) },
			{ kind: 'text', text: t('notify.mail.resetIntro') },
			{ kind: 'action', label: t('notify.mail.resetAction'), url: resetUrl },
			{ kind: 'text', text: t('notify.mail.resetExpiry') }
		],
		footer: [{ text: t('notify.mail.footer') }]
	});
}
