/**
 * What a report points at: its initiative, its author (who a decision is sent
 * to) and the text kept for review. Unknown targets are 404.
 */
import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { initiatives, users } from '$store/schema';
import type { ReportTarget } from '$lib/domain/moderation';
import { notFound } from '../http/api-error';
import { findMeeting } from './meetings-adapter';
import { readAuthoredEntry } from './stored-doc';

export interface ResolvedTarget {
	initiativeId: string | null;
	authorId: string | null;
	text: string;
	/** Original time of a message or idea (to put it back as it was). */
	createdAt?: number;
}

const MISSING = () => notFound('Ce contenu est introuvable.');

/** Resolves a target, or 404. `initiativeId` is required for messages and ideas (their document). */
export async function resolveTarget(type: ReportTarget, targetId: string, initiativeId?: string): Promise<ResolvedTarget> {
	switch (type) {
		case 'initiative': {
			const row = db().select().from(initiatives).where(eq(initiatives.id, targetId)).get();
			if (!row) throw MISSING();
			return { initiativeId: row.id, authorId: row.ownerId, text: `${row.title}\n\n${row.summary}`.trim() };
		}
		case 'meeting': {
			const meeting = findMeeting(targetId);
			if (!meeting) throw MISSING();
			return { initiativeId: meeting.initiativeId, authorId: meeting.createdBy, text: meeting.title };
		}
		case 'message':
		case 'idea': {
			if (!initiativeId) throw MISSING();
			const exists = db().select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.id, initiativeId)).get();
			if (!exists) throw MISSING();
			const entry = await readAuthoredEntry(initiativeId, type, targetId);
			if (!entry) throw MISSING();
			return { initiativeId, authorId: entry.authorId || null, text: entry.text, createdAt: entry.createdAt };
		}
		case 'user': {
			const user = db().select({ id: users.id, displayName: users.displayName, bio: users.bio }).from(users).where(eq(users.id, targetId)).get();
			if (!user) throw MISSING();
			return { initiativeId: null, authorId: user.id, text: `${user.displayName}\n\n${user.bio}`.trim() };
		}
	}
}
