/**
 * When digests are due: daily at 07:00 Europe/Paris, weekly on Mondays at
 * 07:00 Europe/Paris, whatever the daylight-saving offset. Pure time math.
 */
import { Temporal } from 'temporal-polyfill';

export const DIGEST_ZONE = 'Europe/Paris';
export const DIGEST_HOUR = 7;

export type ScheduledFrequency = 'daily' | 'weekly';

/** The latest scheduled slot at or before `now` (epoch ms) for `frequency`, in epoch ms. */
export function latestDigestSlot(frequency: ScheduledFrequency, now: number): number {
	const local = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(DIGEST_ZONE);
	let day = local.toPlainDate();
	if (frequency === 'weekly') day = day.subtract({ days: day.dayOfWeek - 1 });
	let slot = slotOn(day);
	if (slot > now) slot = slotOn(day.subtract({ days: frequency === 'weekly' ? 7 : 1 }));
	return slot;
}

/** The next scheduled slot strictly after `now`, in epoch ms (for logs and the job's timer). */
export function nextDigestSlot(frequency: ScheduledFrequency, now: number): number {
	const latest = Temporal.Instant.fromEpochMilliseconds(latestDigestSlot(frequency, now)).toZonedDateTimeISO(DIGEST_ZONE);
	return slotOn(latest.toPlainDate().add({ days: frequency === 'weekly' ? 7 : 1 }));
}

function slotOn(day: Temporal.PlainDate): number {
	return day.toZonedDateTime({ timeZone: DIGEST_ZONE, plainTime: { hour: DIGEST_HOUR } }).epochMilliseconds;
}
