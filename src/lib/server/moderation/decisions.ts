/**
 * Decisions: a moderator answers a report (dismiss, hide, restore, suspend the
 * author) with a statement of reasons; an initiative's owners/admins remove a
 * message or an idea from their workspace.
 */
import { and, asc, eq } from 'drizzle-orm';
import { db } from '$store/db';
import { memberships, reports, type DecisionRow, type UserRow } from '$store/schema';
import type { DecisionInput, RemoveContentInput } from '$lib/domain/validation/moderation';
import { conflict, forbidden, notFound } from '../http/api-error';
import { requireModerator, isModerator } from './moderators';
import { hideTarget, restoreTarget, type TargetRef } from './target-actions';
import { latestDecision, recordDecision } from './decision-log';
import { suspendUser } from './suspension';
import { resolveTarget } from './targets';
import { translator } from '$lib/i18n/translate';

/** What a decision answers with. */
export const toDecision = (row: DecisionRow) => ({
	id: row.id,
	action: row.action,
	statement: row.statement,
	targetType: row.targetType,
	targetId: row.targetId,
	createdAt: new Date(row.createdAt).toISOString()
});

/** A moderator's decision on report `reportId` (and every open report of its target). 404 unknown, 409 closed. */
export async function decideReport(moderator: UserRow, reportId: string, input: DecisionInput): Promise<DecisionRow> {
	requireModerator(moderator.id);
	const report = db().select().from(reports).where(eq(reports.id, reportId)).get();
	if (!report) throw notFound('Ce signalement est introuvable.');
	if (report.status !== 'open') throw conflict('report_closed', 'Une décision a déjà été prise sur ce signalement.');
	const target: TargetRef = { type: report.targetType, id: report.targetId, initiativeId: report.initiativeId };
	const first = db()
		.select({ createdAt: reports.createdAt })
		.from(reports)
		.where(and(eq(reports.targetType, target.type), eq(reports.targetId, target.id)))
		.orderBy(asc(reports.createdAt))
		.get();
	const copy = { authorId: report.authorId, text: report.targetText, createdAt: first?.createdAt ?? report.createdAt };
	const last = latestDecision(target);
	switch (input.action) {
		case 'hide':
			await hideTarget(target);
			break;
		case 'restore':
			await restoreTarget(target, copy);
			break;
		case 'dismiss':
			// Reports found unfounded: what the threshold took down comes back.
			if (last && last.actorId === null && (last.action === 'auto_hide' || last.action === 'remove')) await restoreTarget(target, copy);
			break;
		case 'suspend_author':
			if (report.authorId) suspendUser(report.authorId);
			break;
	}
	return recordDecision({
		target,
		action: input.action,
		statement: input.statement,
		authorId: report.authorId,
		targetText: report.targetText,
		actorId: moderator.id,
		reportId: report.id,
		closeReports: true
	});
}

function isOwnerOrAdmin(initiativeId: string, userId: string): boolean {
	const role = db()
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.initiativeId, initiativeId), eq(memberships.userId, userId)))
		.get()?.role;
	return role === 'owner' || role === 'admin';
}

/** An owner/admin (or a moderator) removes a message or idea; its text stays in the decision for review. */
export async function removeContent(actor: UserRow, initiativeId: string, input: RemoveContentInput): Promise<DecisionRow> {
	if (!isOwnerOrAdmin(initiativeId, actor.id) && !isModerator(actor.id)) {
		throw forbidden('Seuls les responsables de cette initiative peuvent retirer un message ou une idée.');
	}
	const resolved = await resolveTarget(input.targetType, input.targetId, initiativeId);
	const target: TargetRef = { type: input.targetType, id: input.targetId, initiativeId };
	await hideTarget(target);
	return recordDecision({
		target,
		action: 'remove',
		statement: input.statement || translator('fr')('moderation.remove.defaultStatement'),
		authorId: resolved.authorId,
		targetText: resolved.text,
		actorId: actor.id,
		reportId: null,
		closeReports: false
	});
}
