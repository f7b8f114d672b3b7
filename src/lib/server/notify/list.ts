/**
 * Reading one's activity: newest first, by id cursor; unread count; marking
 * read. A person's items are their own rows merged with the shared rows they
 * see (messages and ideas, shared-rows.ts); both take ids from one sequence.
 */
import { store } from '$store/db';
import { perConnection } from '$store/per-connection';
import type { ActivityItem, ActivityPage, ActivityType } from '$lib/domain/notifications';
import { markSharedRead, sharedIdsBelow, sharedReadTimes, sharedUnreadCount } from './shared-rows';

interface Row {
	id: number;
	userId: string | null;
	type: string;
	createdAt: number;
	readAt: number | null;
	actorId: string | null;
	actorName: string | null;
	initiativeId: string | null;
	initiativeTitle: string | null;
	meetingId: string | null;
	excerpt: string;
	data: string;
}

const SELECT = `SELECT a.id, a.user_id AS userId, a.type, a.created_at AS createdAt, a.read_at AS readAt,
	a.actor_id AS actorId, u.display_name AS actorName,
	a.initiative_id AS initiativeId, i.title AS initiativeTitle,
	a.meeting_id AS meetingId, a.excerpt, a.data
	FROM activity a
	LEFT JOIN users u ON u.id = a.actor_id
	LEFT JOIN initiatives i ON i.id = a.initiative_id`;

const statements = perConnection((sqlite) => ({
	page: sqlite.prepare('SELECT id FROM activity WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?').pluck(),
	unreadPage: sqlite.prepare('SELECT id FROM activity WHERE user_id = ? AND id < ? AND read_at IS NULL ORDER BY id DESC LIMIT ?').pluck(),
	byIds: sqlite.prepare(`${SELECT} WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id DESC`),
	unread: sqlite.prepare('SELECT count(*) AS n FROM activity WHERE user_id = ? AND read_at IS NULL'),
	read: sqlite.prepare('UPDATE activity SET read_at = ? WHERE user_id = ? AND id <= ? AND read_at IS NULL')
}));

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toItem(row: Row): ActivityItem {
	let data: Record<string, unknown> = {};
	try {
		data = JSON.parse(row.data) as Record<string, unknown>;
	} catch {
		/* an empty object */
	}
	const meeting = data.meeting as { title?: string; startsAt?: string } | undefined;
	const details: Record<string, string | number | null> = {};
	for (const key of ['distanceKm', 'role'] as const) {
		const value = data[key];
		if (typeof value === 'string' || typeof value === 'number' || value === null) details[key] = value;
	}
	return {
		id: String(row.id),
		type: row.type as ActivityType,
		createdAt: new Date(row.createdAt).toISOString(),
		readAt: iso(row.readAt),
		actor: row.actorId && row.actorName !== null ? { id: row.actorId, displayName: row.actorName } : null,
		initiative:
			row.initiativeId && row.initiativeTitle !== null
				? { id: row.initiativeId, title: row.initiativeTitle }
				: typeof data.initiativeTitle === 'string' && row.initiativeId
					? { id: row.initiativeId, title: data.initiativeTitle }
					: null,
		meeting: row.meetingId ? { id: row.meetingId, title: meeting?.title ?? '', startsAt: meeting?.startsAt ?? '' } : null,
		excerpt: row.excerpt,
		...(Object.keys(details).length > 0 ? { details } : {})
	};
}

/** A page of `userId`'s activity, newest first, continuing below `cursor` (an activity id). */
export function listActivity(userId: string, options: { limit: number; cursor?: number; unreadOnly?: boolean }): ActivityPage {
	const s = statements(store().sqlite);
	const below = options.cursor ?? Number.MAX_SAFE_INTEGER;
	const own = (options.unreadOnly ? s.unreadPage : s.page).all(userId, below, options.limit + 1) as number[];
	const shared = sharedIdsBelow(userId, below, options.limit + 1, options.unreadOnly);
	const ids = [...own, ...shared].sort((a, b) => b - a);
	const more = ids.length > options.limit;
	const page = ids.slice(0, options.limit);
	const rows = s.byIds.all(JSON.stringify(page)) as Row[];
	const readTimes = sharedReadTimes(userId, shared.filter((id) => page.includes(id)));
	const items = rows.map((row) => toItem(row.userId === null ? { ...row, readAt: readTimes.get(row.id) ?? null } : row));
	return { items, unread: unreadCount(userId), nextCursor: more ? items[items.length - 1].id : null };
}

/** Items by id (for mails), newest first. */
export function activityItems(ids: number[]): ActivityItem[] {
	if (ids.length === 0) return [];
	return (statements(store().sqlite).byIds.all(JSON.stringify(ids)) as Row[]).map(toItem);
}

/** How many of `userId`'s items are unread. */
export function unreadCount(userId: string): number {
	return (statements(store().sqlite).unread.get(userId) as { n: number }).n + sharedUnreadCount(userId);
}

/** Marks `userId`'s items up to `upTo` (an id, inclusive) as read. */
export function markRead(userId: string, upTo: number): void {
	const { sqlite } = store();
	const now = Date.now();
	sqlite.transaction(() => {
		statements(sqlite).read.run(now, userId, upTo);
		markSharedRead(userId, upTo, now);
	})();
}
