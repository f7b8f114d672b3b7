/**
 * The review queue: reports grouped by target with reasons and count.
 * Moderators see every report and who filed it; an initiative's owners/admins
 * see the reports on its content, never who reported nor their words.
 */
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '$store/db';
import { initiatives, memberships, moderationDecisions, reports, users, type ReportRow } from '$store/schema';
import type { ReportGroup, ReportReason } from '$lib/domain/moderation';
import { isModerator } from './moderators';
import { isTakenDown, latestDecision } from './decision-log';
import { findMeeting } from './meetings-adapter';

/** Reports read per answer; groups are built from them. */
const REPORTS_READ = 2000;

const iso = (ms: number) => new Date(ms).toISOString();

function readReports(status: 'open' | 'closed', initiativeIds: string[] | null) {
	const reporter = alias(users, 'reporter');
	const author = alias(users, 'author');
	const where = initiativeIds === null ? eq(reports.status, status) : and(eq(reports.status, status), inArray(reports.initiativeId, initiativeIds));
	return db()
		.select({ report: reports, reporterName: reporter.displayName, authorName: author.displayName, title: initiatives.title })
		.from(reports)
		.leftJoin(reporter, eq(reporter.id, reports.reporterId))
		.leftJoin(author, eq(author.id, reports.authorId))
		.leftJoin(initiatives, eq(initiatives.id, reports.initiativeId))
		.where(where)
		.orderBy(desc(reports.createdAt))
		.limit(REPORTS_READ)
		.all();
}

/** Initiatives `userId` runs (owner or admin). */
function initiativesRunBy(userId: string): string[] {
	return db()
		.select({ id: memberships.initiativeId })
		.from(memberships)
		.where(and(eq(memberships.userId, userId), or(eq(memberships.role, 'owner'), eq(memberships.role, 'admin'))))
		.all()
		.map((r) => r.id);
}

function isHiddenNow(report: ReportRow): boolean {
	if (report.targetType === 'initiative') {
		return db().select({ hidden: initiatives.hidden }).from(initiatives).where(eq(initiatives.id, report.targetId)).get()?.hidden ?? false;
	}
	if (report.targetType === 'meeting') return findMeeting(report.targetId)?.hidden ?? false;
	return isTakenDown(latestDecision({ type: report.targetType, id: report.targetId }));
}

function decisionOf(id: string | null): ReportGroup['decision'] {
	if (!id) return null;
	const d = db().select().from(moderationDecisions).where(eq(moderationDecisions.id, id)).get();
	return d ? { action: d.action, statement: d.statement, createdAt: iso(d.createdAt) } : null;
}

/** The queue as `viewer` may see it: moderators everything, owners/admins their initiatives' content. */
export function listReportGroups(viewerId: string, status: 'open' | 'closed'): ReportGroup[] {
	const moderator = isModerator(viewerId);
	const scope = moderator ? null : initiativesRunBy(viewerId);
	if (scope !== null && scope.length === 0) return [];
	const groups = new Map<string, ReportGroup>();
	// Newest first: the last report seen for a target is its oldest.
	for (const { report, reporterName, authorName, title } of readReports(status, scope)) {
		const key = `${report.targetType}:${report.targetId}`;
		let group = groups.get(key);
		if (!group) {
			group = {
				id: report.id,
				status: report.status,
				target: { type: report.targetType, id: report.targetId, initiativeId: report.initiativeId, text: report.targetText, hidden: isHiddenNow(report) },
				initiative: report.initiativeId && title !== null ? { id: report.initiativeId, title } : null,
				author: report.authorId ? { id: report.authorId, displayName: authorName ?? '' } : null,
				reasons: {},
				count: 0,
				firstReportedAt: iso(report.createdAt),
				lastReportedAt: iso(report.createdAt),
				decision: decisionOf(report.decisionId),
				...(moderator ? { reports: [] } : {})
			};
			groups.set(key, group);
		}
		// Closed groups keep the latest report (and its decision); open ones the oldest, to decide on.
		if (status === 'open') group.id = report.id;
		group.count++;
		group.reasons[report.reason as ReportReason] = (group.reasons[report.reason as ReportReason] ?? 0) + 1;
		group.firstReportedAt = iso(report.createdAt);
		if (!group.target.text && report.targetText) group.target.text = report.targetText;
		group.reports?.push({
			id: report.id,
			reason: report.reason,
			details: report.details,
			createdAt: iso(report.createdAt),
			reporter: { id: report.reporterId, displayName: reporterName ?? '' }
		});
	}
	return [...groups.values()].sort((a, b) => b.count - a.count || a.firstReportedAt.localeCompare(b.firstReportedAt));
}
