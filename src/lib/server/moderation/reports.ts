/**
 * `POST /api/reports`: one report per person and target (again → the same
 * report), a copy of the reported text, then the automatic threshold. A person
 * files at most REPORT_LIMIT_PER_HOUR new reports an hour (default 30): finding
 * a reported message may read a whole workspace, which one account must not be
 * able to ask for again and again with made-up ids.
 */
import { and, asc, eq } from 'drizzle-orm';
import { db } from '$store/db';
import { reports, type ReportRow } from '$store/schema';
import { newId } from '$lib/domain/ids';
import type { ReportInput } from '$lib/domain/validation/moderation';
import type { OwnReport } from '$lib/domain/moderation';
import type { UserRow } from '$store/schema';
import { badRequest, tooManyRequests } from '../http/api-error';
import { WindowLimiter } from '../auth/rate-limit';
import { positiveIntEnv } from '../env-number';
import { resolveTarget } from './targets';
import { applyThreshold } from './threshold';

function findOwn(reporterId: string, input: Pick<ReportInput, 'targetType' | 'targetId'>): ReportRow | undefined {
	return db()
		.select()
		.from(reports)
		.where(and(eq(reports.reporterId, reporterId), eq(reports.targetType, input.targetType), eq(reports.targetId, input.targetId)))
		.get();
}

const HOUR = 60 * 60 * 1000;
const filed = new WindowLimiter(positiveIntEnv('REPORT_LIMIT_PER_HOUR', 30), HOUR);

const shape = (row: ReportRow) => ({ id: row.id, status: row.status });

/** Files a report; `created` false when this person had already reported this target. */
export async function createReport(
	reporter: UserRow,
	input: ReportInput
): Promise<{ report: { id: string; status: 'open' | 'closed' }; created: boolean }> {
	const existing = findOwn(reporter.id, input);
	if (existing) return { report: shape(existing), created: false };
	// Counted before the target is looked up: a target that does not exist costs the same.
	const wait = filed.reserve([reporter.id]);
	if (wait > 0) throw tooManyRequests(wait, (minutes) => `Trop de signalements. Réessayez dans ${minutes} min.`);
	const target = await resolveTarget(input.targetType, input.targetId, input.initiativeId);
	if (target.authorId === reporter.id) {
		throw badRequest({ targetId: 'Vous ne pouvez pas vous signaler vous-même.' }, 'Vous ne pouvez pas signaler votre propre contenu.');
	}
	const inserted = db()
		.insert(reports)
		.values({
			id: newId(),
			reporterId: reporter.id,
			targetType: input.targetType,
			targetId: input.targetId,
			initiativeId: target.initiativeId,
			authorId: target.authorId,
			reason: input.reason,
			details: input.details,
			targetText: target.text,
			createdAt: Date.now()
		})
		// Two requests at once: the unique index keeps one, and both answer it.
		.onConflictDoNothing()
		.returning()
		.get();
	if (!inserted) return { report: shape(findOwn(reporter.id, input)!), created: false };
	await applyThreshold({ type: input.targetType, id: input.targetId, initiativeId: target.initiativeId }, target);
	return { report: shape(inserted), created: true };
}

/** A person's own reports and their status (data export). */
export function listOwnReports(reporterId: string): OwnReport[] {
	return db()
		.select()
		.from(reports)
		.where(eq(reports.reporterId, reporterId))
		.orderBy(asc(reports.createdAt))
		.all()
		.map((r) => ({
			id: r.id,
			targetType: r.targetType,
			targetId: r.targetId,
			initiativeId: r.initiativeId,
			reason: r.reason,
			details: r.details,
			status: r.status,
			createdAt: new Date(r.createdAt).toISOString(),
			closedAt: r.closedAt === null ? null : new Date(r.closedAt).toISOString()
		}));
}
