/**
 * Scheduled job: purge closed reports older than the retention period
 * (MODERATION_REPORT_RETENTION_DAYS, default 365) every
 * MODERATION_PURGE_EVERY_HOURS (default 24). When it last ran is kept in
 * SQLite, so a restart runs it only when it is due.
 */
import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { moderationJobRuns } from '$store/schema';
import { log } from '$lib/server/log';
import { moderationSettings, purgeClosedReports } from '$lib/server/moderation';

const JOB = 'report_retention';

/** Runs the purge now and records it. */
export function runReportRetention(now = Date.now()): number {
	const purged = purgeClosedReports(now);
	db()
		.insert(moderationJobRuns)
		.values({ job: JOB, lastRunAt: now, affected: purged })
		.onConflictDoUpdate({ target: moderationJobRuns.job, set: { lastRunAt: now, affected: purged } })
		.run();
	if (purged > 0) log.info('reports_purged', { purged });
	return purged;
}

/** Starts the schedule (due now if it never ran or ran too long ago); returns the stop function. */
export function startReportRetention(): () => void {
	const { purgeEveryMs } = moderationSettings();
	let timer: NodeJS.Timeout | undefined;
	const tick = () => {
		try {
			runReportRetention();
		} catch (err) {
			log.error('reports_purge_failed', { error: String(err) });
		}
		schedule(purgeEveryMs);
	};
	const schedule = (delay: number) => {
		timer = setTimeout(tick, delay);
		timer.unref();
	};
	const last = db().select().from(moderationJobRuns).where(eq(moderationJobRuns.job, JOB)).get()?.lastRunAt ?? 0;
	schedule(Math.max(0, last + purgeEveryMs - Date.now()));
	return () => clearTimeout(timer);
}
