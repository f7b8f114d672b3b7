/** Retention: closed reports (and the reporters' identities in them) are purged after 12 months. */
import { and, eq, lt } from 'drizzle-orm';
import { db } from '$store/db';
import { reports } from '$store/schema';
import { moderationSettings } from './settings';

/** Deletes the reports closed before `now - MODERATION_REPORT_RETENTION_DAYS`; returns how many. */
export function purgeClosedReports(now = Date.now()): number {
	const cutoff = now - moderationSettings().retentionMs;
	return db().delete(reports).where(and(eq(reports.status, 'closed'), lt(reports.closedAt, cutoff))).run().changes;
}
