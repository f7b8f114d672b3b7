/**
 * Writes activity rows: one per recipient, in one statement, never for the
 * actor, and never for someone who muted the initiative (except the types
 * that concern them personally). Returns the rows written so that mail and
 * push can follow. Messages and ideas, told to every member and never mailed
 * at once nor pushed, are one shared row instead (`recordShared`; who sees
 * it is decided when reading, shared-rows.ts).
 */
import { store } from '$store/db';
import { perConnection } from '$store/per-connection';
import { UNMUTABLE_TYPES, type ActivityType } from '$lib/domain/notifications';

export interface ActivitySpec {
	type: ActivityType;
	actorId: string | null;
	initiativeId: string | null;
	meetingId?: string | null;
	excerpt?: string;
	/** Shown with the item (meeting title and start, distance, new role…). */
	data?: Record<string, unknown>;
	createdAt?: number;
}

/** One activity row written. */
export interface Recorded {
	id: number;
	userId: string;
}

const COLUMNS = 'user_id, type, actor_id, initiative_id, meeting_id, excerpt, data, created_at';
const NOT_MUTED = `NOT EXISTS (SELECT 1 FROM notification_mutes x WHERE x.user_id = r.user_id AND x.initiative_id = @initiativeId)`;

const statements = perConnection((sqlite) => {
	const values = `@type, @actorId, @initiativeId, @meetingId, @excerpt, @data, @createdAt`;
	const fromMembers = (roles: string, muted: boolean) =>
		sqlite.prepare(
			`INSERT INTO activity (${COLUMNS})
			 SELECT r.user_id, ${values} FROM memberships r
			 WHERE r.initiative_id = @initiativeId AND r.user_id IS NOT @actorId ${roles} ${muted ? `AND ${NOT_MUTED}` : ''}
			 RETURNING id, user_id AS userId`
		);
	const single = (muted: boolean) =>
		sqlite.prepare(
			`INSERT INTO activity (${COLUMNS})
			 SELECT r.user_id, ${values} FROM (SELECT @userId AS user_id) r
			 WHERE r.user_id IS NOT @actorId AND EXISTS (SELECT 1 FROM users u WHERE u.id = r.user_id) ${muted ? `AND ${NOT_MUTED}` : ''}
			 RETURNING id, user_id AS userId`
		);
	return {
		members: fromMembers('', true),
		membersUnmutable: fromMembers('', false),
		managers: fromMembers(`AND r.role IN ('owner', 'admin')`, true),
		one: single(true),
		oneUnmutable: single(false),
		shared: sqlite.prepare(`INSERT INTO activity (${COLUMNS}) VALUES (NULL, ${values}) RETURNING id`).pluck()
	};
});

function params(spec: ActivitySpec) {
	return {
		type: spec.type,
		actorId: spec.actorId,
		initiativeId: spec.initiativeId,
		meetingId: spec.meetingId ?? null,
		excerpt: spec.excerpt ?? '',
		data: JSON.stringify(spec.data ?? {}),
		createdAt: spec.createdAt ?? Date.now()
	};
}

const unmutable = (type: ActivityType) => UNMUTABLE_TYPES.includes(type) || false;

/** Tells the members of the initiative (only its owners/admins with `managersOnly`). */
export function recordForMembers(spec: ActivitySpec, managersOnly = false): Recorded[] {
	const s = statements(store().sqlite);
	const statement = managersOnly ? s.managers : unmutable(spec.type) ? s.membersUnmutable : s.members;
	return statement.all(params(spec)) as Recorded[];
}

/** Tells each of `userIds` (the actor excepted; mutes apply unless the type concerns the person). */
export function recordForUsers(spec: ActivitySpec, userIds: Iterable<string>): Recorded[] {
	const { sqlite } = store();
	const s = statements(sqlite);
	const statement = unmutable(spec.type) || !spec.initiativeId ? s.oneUnmutable : s.one;
	const base = params(spec);
	const written: Recorded[] = [];
	sqlite.transaction(() => {
		for (const userId of userIds) written.push(...(statement.all({ ...base, userId }) as Recorded[]));
	})();
	return written;
}

/** One row for every member of the initiative but the actor, whoever they are when it is read; returns its id. */
export function recordShared(spec: ActivitySpec & { initiativeId: string }): number {
	return statements(store().sqlite).shared.get(params(spec)) as number;
}
