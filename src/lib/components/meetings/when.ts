/** How a meeting's time reads: in the meeting's own time zone (19:00 in Paris is 19:00 wherever the reader is). */
import type { Locale } from '$lib/i18n/catalog';

const tags: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** « lundi 1 juin 2026, 19:00 – 21:00 » (or both dates when it spans days). */
export function meetingWhen(locale: Locale, meeting: { startsAt: string; endsAt: string; timeZone: string }): string {
	const start = new Date(meeting.startsAt);
	const end = new Date(meeting.endsAt);
	const tz = meeting.timeZone;
	try {
		const full = new Intl.DateTimeFormat(tags[locale], { dateStyle: 'full', timeStyle: 'short', timeZone: tz });
		const day = new Intl.DateTimeFormat(tags[locale], { dateStyle: 'short', timeZone: tz });
		const time = new Intl.DateTimeFormat(tags[locale], { timeStyle: 'short', timeZone: tz });
		const sameDay = day.format(start) === day.format(end);
		return `${full.format(start)} – ${sameDay ? time.format(end) : full.format(end)}`;
	} catch {
		return `${meeting.startsAt} – ${meeting.endsAt}`;
	}
}

/** « 1 juin, 19:00 », short, for cards. */
export function meetingShort(locale: Locale, iso: string, timeZone = 'Europe/Paris'): string {
	try {
		return new Intl.DateTimeFormat(tags[locale], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
	} catch {
		return iso;
	}
}
