/**
 * Recording decisions: each one is a row of the audit log, closes the open
 * reports of its target when it answers them, and is sent to the author
 * (`moderation_decision`, turned into an activity item and a mail elsewhere).
 */
import { and, desc, eq } from 'drizzle-orm';
import { db } from '$store/db';
import { moderationDecisions, reports, type DecisionRow } from '$store/schema';
import { newId } from '$lib/domain/ids';
import type { DecisionAction } from '$lib/domain/moderation';
import { publish } from '../events';
import type { TargetRef } from './target-actions';

export interface NewDecision {
	target: TargetRef;
	action: DecisionAction;
	statement: string;
	authorId: string | null;
	targetText: string;
	/** null: taken automatically (the report threshold). */
	actorId: string | null;
	reportId: string | null;
	/** Close every open report of the target with this decision. */
	closeReports: boolean;
}

/** Stores a decision, closes the reports it answers and tells the author. */
export function recordDecision(input: NewDecision): DecisionRow {
	const now = Date.now();
	const row = db().transaction((tx) => {
		const decision = tx
			.insert(moderationDecisions)
			.values({
				id: newId(),
				reportId: input.reportId,
				targetType: input.target.type,
				targetId: input.target.id,
				initiativeId: input.target.initiativeId,
				authorId: input.authorId,
				action: input.action,
				statement: input.statement,
				targetText: input.targetText,
				actorId: input.actorId,
				createdAt: now
			})
			.returning()
			.get();
		if (input.closeReports) {
			tx.update(reports)
				.set({ status: 'closed', closedAt: now, decisionId: decision.id })
				.where(and(eq(reports.targetType, input.target.type), eq(reports.targetId, input.target.id), eq(reports.status, 'open')))
				.run();
		}
		return decision;
	});
	// Nobody is told about their own acts.
	if (row.authorId && row.authorId !== row.actorId) {
		publish('moderation_decision', {
			userId: row.authorId,
			decisionId: row.id,
			statement: row.statement,
			initiativeId: row.initiativeId
		});
	}
	return row;
}

/** The latest decision about a target, if any. */
export function latestDecision(target: Pick<TargetRef, 'type' | 'id'>): DecisionRow | undefined {
	return db()
		.select()
		.from(moderationDecisions)
		.where(and(eq(moderationDecisions.targetType, target.type), eq(moderationDecisions.targetId, target.id)))
		.orderBy(desc(moderationDecisions.createdAt), desc(moderationDecisions.id))
		.get();
}

/** Whether the latest decision took the target out of sight. */
export const isTakenDown = (decision: DecisionRow | undefined): boolean =>
	decision !== undefined && ['hide', 'auto_hide', 'remove'].includes(decision.action);

/** The decisions about `userId`'s content, newest first: their statements of reasons. */
export function listDecisionsAbout(userId: string) {
	return db()
		.select()
		.from(moderationDecisions)
		.where(eq(moderationDecisions.authorId, userId))
		.orderBy(desc(moderationDecisions.createdAt))
		.limit(200)
		.all()
		.map((d) => ({
			id: d.id,
			action: d.action,
			statement: d.statement,
			targetType: d.targetType,
			targetId: d.targetId,
			initiativeId: d.initiativeId,
			createdAt: new Date(d.createdAt).toISOString()
		}));
}
