/**
 * Moderation tables (migration 0009): reports, the decisions taken on them
 * (which are also the audit log), blocks between people, moderators, and the
 * state of the retention job.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DECISION_ACTIONS, REPORT_REASONS, REPORT_TARGETS } from '$lib/domain/moderation';

/** People who review reports (granted with `npm run admin -- moderator add <email>`). */
export const moderators = sqliteTable('moderators', {
	userId: text('user_id').primaryKey(),
	grantedAt: integer('granted_at').notNull()
});

/** One person's report of one target; reporting it again returns the same row. */
export const reports = sqliteTable(
	'reports',
	{
		id: text('id').primaryKey(),
		reporterId: text('reporter_id').notNull(),
		targetType: text('target_type', { enum: REPORT_TARGETS }).notNull(),
		targetId: text('target_id').notNull(),
		/** The initiative the target belongs to (itself for an initiative; null for a person). */
		initiativeId: text('initiative_id'),
		/** Whose content it is: the person a decision is sent to. */
		authorId: text('author_id'),
		reason: text('reason', { enum: REPORT_REASONS }).notNull(),
		details: text('details').notNull().default(''),
		/** A copy of the reported text, kept for review after the content is removed. */
		targetText: text('target_text').notNull().default(''),
		status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
		decisionId: text('decision_id'),
		createdAt: integer('created_at').notNull(),
		closedAt: integer('closed_at')
	},
	(t) => [
		uniqueIndex('reports_reporter_target').on(t.reporterId, t.targetType, t.targetId),
		index('reports_target').on(t.targetType, t.targetId, t.status),
		index('reports_status').on(t.status, t.closedAt),
		index('reports_initiative').on(t.initiativeId, t.status)
	]
);

/** Every decision, with its statement of reasons, who took it (null: the threshold) and when. */
export const moderationDecisions = sqliteTable(
	'moderation_decisions',
	{
		id: text('id').primaryKey(),
		reportId: text('report_id'),
		targetType: text('target_type', { enum: REPORT_TARGETS }).notNull(),
		targetId: text('target_id').notNull(),
		initiativeId: text('initiative_id'),
		authorId: text('author_id'),
		action: text('action', { enum: DECISION_ACTIONS }).notNull(),
		statement: text('statement').notNull().default(''),
		targetText: text('target_text').notNull().default(''),
		actorId: text('actor_id'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('moderation_decisions_created').on(t.createdAt)]
);

/** `blockerId` blocked `blockedId`: neither sees the other in people search. */
export const userBlocks = sqliteTable(
	'user_blocks',
	{
		blockerId: text('blocker_id').notNull(),
		blockedId: text('blocked_id').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index('user_blocks_blocked').on(t.blockedId)]
);

/** When each moderation job last ran (retention purge), so a restart does not run it again at once. */
export const moderationJobRuns = sqliteTable('moderation_job_runs', {
	job: text('job').primaryKey(),
	lastRunAt: integer('last_run_at').notNull(),
	affected: integer('affected').notNull().default(0)
});

export type ReportRow = typeof reports.$inferSelect;
export type DecisionRow = typeof moderationDecisions.$inferSelect;
