/**
 * Automatic hiding: once MODERATION_HIDE_THRESHOLD distinct people whose
 * accounts are older than MODERATION_MIN_ACCOUNT_AGE_HOURS have open reports
 * on a target, it is taken out of sight pending review (people are not hidden:
 * a moderator decides about them).
 */
import { and, count, eq, lt } from 'drizzle-orm';
import { db } from '$store/db';
import { reports, users } from '$store/schema';
import { translator } from '$lib/i18n/translate';
import { moderationSettings } from './settings';
import { hideTarget, type TargetRef } from './target-actions';
import { isTakenDown, latestDecision, recordDecision } from './decision-log';
import type { ResolvedTarget } from './targets';

/** Open reports on the target by accounts old enough to count. */
export function qualifiedReporters(target: Pick<TargetRef, 'type' | 'id'>, now = Date.now()): number {
	const { minAccountAgeMs } = moderationSettings();
	const row = db()
		.select({ n: count() })
		.from(reports)
		.innerJoin(users, eq(users.id, reports.reporterId))
		.where(
			and(
				eq(reports.targetType, target.type),
				eq(reports.targetId, target.id),
				eq(reports.status, 'open'),
				lt(users.createdAt, now - minAccountAgeMs + 1)
			)
		)
		.get();
	return row?.n ?? 0;
}

/** Hides the target if it just crossed the threshold (and is not already out of sight). */
export async function applyThreshold(target: TargetRef, resolved: ResolvedTarget): Promise<void> {
	if (target.type === 'user') return;
	if (qualifiedReporters(target) < moderationSettings().hideThreshold) return;
	if (isTakenDown(latestDecision(target))) return;
	await hideTarget(target);
	recordDecision({
		target,
		action: target.type === 'message' || target.type === 'idea' ? 'remove' : 'auto_hide',
		statement: translator('fr')('moderation.auto.statement'),
		authorId: resolved.authorId,
		targetText: resolved.text,
		actorId: null,
		reportId: null,
		closeReports: false
	});
}
