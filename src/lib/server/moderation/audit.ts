/** The audit log: every decision, who took it and when (moderators only). */
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '$store/db';
import { moderationDecisions, users } from '$store/schema';
import type { AuditEntry } from '$lib/domain/moderation';
import { requireModerator } from './moderators';

const AUDIT_PAGE = 500;

/** The latest decisions, newest first. */
export function listAudit(viewerId: string): AuditEntry[] {
	requireModerator(viewerId);
	const actor = alias(users, 'actor');
	const author = alias(users, 'author');
	return db()
		.select({
			decision: moderationDecisions,
			actorName: actor.displayName,
			authorName: author.displayName
		})
		.from(moderationDecisions)
		.leftJoin(actor, eq(actor.id, moderationDecisions.actorId))
		.leftJoin(author, eq(author.id, moderationDecisions.authorId))
		.orderBy(desc(moderationDecisions.createdAt), desc(moderationDecisions.id))
		.limit(AUDIT_PAGE)
		.all()
		.map(({ decision: d, actorName, authorName }) => ({
			id: d.id,
			action: d.action,
			targetType: d.targetType,
			targetId: d.targetId,
			initiativeId: d.initiativeId,
			statement: d.statement,
			actor: d.actorId ? { id: d.actorId, displayName: actorName ?? '' } : null,
			author: d.authorId ? { id: d.authorId, displayName: authorName ?? '' } : null,
			reportId: d.reportId,
			createdAt: new Date(d.createdAt).toISOString()
		}));
}
