/** Moderation knobs from the environment (README "Moderation"). */

function envNumber(name: string, fallback: number, { min = 0 } = {}): number {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	return Number.isFinite(value) && value >= min ? value : fallback;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Read on every use, so tests and operators can change them without a rebuild. */
export function moderationSettings() {
	return {
		/** Distinct qualified reporters that hide an initiative or meeting, or remove a message or idea. */
		hideThreshold: Math.max(1, Math.round(envNumber('MODERATION_HIDE_THRESHOLD', 3, { min: 1 }))),
		/** Accounts younger than this do not count towards the threshold (no ganging up with fresh accounts). */
		minAccountAgeMs: envNumber('MODERATION_MIN_ACCOUNT_AGE_HOURS', 24) * HOUR,
		/** Closed reports are purged after this long (12 months). */
		retentionMs: envNumber('MODERATION_REPORT_RETENTION_DAYS', 365) * DAY,
		/** How often the retention job runs. */
		purgeEveryMs: Math.max(60_000, envNumber('MODERATION_PURGE_EVERY_HOURS', 24) * HOUR)
	};
}
