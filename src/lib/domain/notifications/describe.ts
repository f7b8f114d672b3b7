/**
 * One sentence for an activity item, in the reader's language: the same
 * wording in the app, in mails and in push notifications. Pure: the caller
 * passes its translator and formatters.
 */
import type { Translate } from '$lib/i18n/translate';
import type { Formatters } from '$lib/i18n/format';
import type { ActivityItem } from './types';

const ROLES = ['owner', 'admin', 'member'] as const;

/** The sentence describing `item`, e.g. « Nouvelle initiative à 1,5 km : Jardin partagé des Pentes ». */
export function describeActivity(t: Translate, fmt: Formatters, item: ActivityItem): string {
	const details = item.details ?? {};
	const role = typeof details.role === 'string' && (ROLES as readonly string[]).includes(details.role) ? details.role : null;
	const startsAt = item.meeting?.startsAt ? Date.parse(item.meeting.startsAt) : NaN;
	return t(`notify.item.${item.type}`, {
		actor: item.actor?.displayName ?? t('notify.item.someone'),
		initiative: item.initiative?.title ?? t('notify.item.unknownInitiative'),
		meeting: item.meeting?.title ?? t('notify.item.unknownMeeting'),
		when: Number.isFinite(startsAt) ? fmt.dateTime(startsAt) : '—',
		distance: typeof details.distanceKm === 'number' ? fmt.distance(details.distanceKm) : '—',
		role: role ? t(`notify.roles.${role as (typeof ROLES)[number]}`) : t('notify.roles.none'),
		excerpt: item.excerpt
	});
}
