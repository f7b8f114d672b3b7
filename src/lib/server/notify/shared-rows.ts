/**
 * Shared activity rows (messages and ideas, one row per post, drizzle/0011),
 * seen from one person: those of the initiatives they belong to, posted since
 * they joined, not by them, in an initiative they did not mute. Read per
 * initiative through the `activity_shared` index (initiative, id), so a page
 * costs one short index range per membership, however big the initiatives.
 *
 * Read state is a list of "read up to" marks (an item's readAt is the time of
 * the first mark at or above it); the digest keeps one "mailed up to" mark,
 * claimed before the mail leaves so two senders never mail the same item.
 */
import type Database from 'better-sqlite3';
import { store } from '$store/db';
import { perConnection } from '$store/per-connection';

const VISIBLE = `a.created_at >= m.joined_at AND a.actor_id IS NOT m.user_id
	AND NOT EXISTS (SELECT 1 FROM notification_mutes x WHERE x.user_id = m.user_id AND x.initiative_id = m.initiative_id)`;
const READ_MARK = `COALESCE((SELECT max(up_to) FROM activity_read_marks r WHERE r.user_id = m.user_id), 0)`;
const MAILED_MARK = `COALESCE((SELECT up_to FROM activity_mailed_marks s WHERE s.user_id = m.user_id), 0)`;

function prepare(sqlite: Database.Database) {
	return {
		memberships: sqlite.prepare(
			`SELECT m.initiative_id AS initiativeId, m.joined_at AS joinedAt FROM memberships m
			 WHERE m.user_id = ? AND NOT EXISTS (SELECT 1 FROM notification_mutes x WHERE x.user_id = m.user_id AND x.initiative_id = m.initiative_id)`
		),
		page: sqlite
			.prepare(
				`SELECT id FROM activity INDEXED BY activity_shared
				 WHERE user_id IS NULL AND initiative_id = @initiativeId AND id < @below AND id > @above
				 AND created_at >= @joinedAt AND actor_id IS NOT @userId
				 ORDER BY id DESC LIMIT @limit`
			)
			.pluck(),
		unread: sqlite
			.prepare(
				`SELECT count(*) FROM memberships m
				 JOIN activity a INDEXED BY activity_shared ON a.user_id IS NULL AND a.initiative_id = m.initiative_id AND a.id > @mark
				 WHERE m.user_id = @userId AND ${VISIBLE}`
			)
			.pluck(),
		readMark: sqlite.prepare('SELECT COALESCE(max(up_to), 0) FROM activity_read_marks WHERE user_id = ?').pluck(),
		marksFrom: sqlite
			.prepare('SELECT up_to, read_at FROM activity_read_marks WHERE user_id = ? AND up_to >= ? ORDER BY up_to')
			.raw(true),
		// Never beyond the newest row: a mark past it would read future items as read.
		addMark: sqlite.prepare(
			`INSERT INTO activity_read_marks (user_id, up_to, read_at)
			 SELECT @userId, min(@upTo, (SELECT max(id) FROM activity)), @now
			 WHERE min(@upTo, (SELECT max(id) FROM activity)) > (SELECT COALESCE(max(up_to), 0) FROM activity_read_marks WHERE user_id = @userId)`
		),
		pending: sqlite.prepare(
			`SELECT m.user_id AS userId, a.id FROM memberships m
			 LEFT JOIN notification_prefs p ON p.user_id = m.user_id
			 JOIN activity a INDEXED BY activity_shared ON a.user_id IS NULL AND a.initiative_id = m.initiative_id
				AND a.id > max(${READ_MARK}, ${MAILED_MARK})
			 WHERE COALESCE(p.email_digest, 'weekly') = ? AND ${VISIBLE}`
		),
		mailedMark: sqlite.prepare('SELECT up_to FROM activity_mailed_marks WHERE user_id = ?').pluck(),
		setMailedMark: sqlite.prepare(
			'INSERT INTO activity_mailed_marks (user_id, up_to) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET up_to = excluded.up_to'
		),
		resetMailedMark: sqlite.prepare('UPDATE activity_mailed_marks SET up_to = ? WHERE user_id = ? AND up_to = ?'),
		dropMailedMark: sqlite.prepare('DELETE FROM activity_mailed_marks WHERE user_id = ? AND up_to = ?')
	};
}

const prepared = perConnection(prepare);
const statements = () => prepared(store().sqlite);

/** Up to `limit` ids of the shared rows `userId` sees below `below`, newest first (only unread ones with `unreadOnly`). */
export function sharedIdsBelow(userId: string, below: number, limit: number, unreadOnly = false): number[] {
	const s = statements();
	const above = unreadOnly ? readMark(userId) : 0;
	const memberships = s.memberships.all(userId) as { initiativeId: string; joinedAt: number }[];
	const ids: number[] = [];
	for (const { initiativeId, joinedAt } of memberships) {
		ids.push(...(s.page.all({ initiativeId, below, above, joinedAt, userId, limit }) as number[]));
	}
	return ids.sort((a, b) => b - a).slice(0, limit);
}

/** How many shared rows `userId` sees and has not read. */
export function sharedUnreadCount(userId: string): number {
	return statements().unread.get({ userId, mark: readMark(userId) }) as number;
}

/** The highest id `userId` marked as read (0 if none). */
function readMark(userId: string): number {
	return statements().readMark.get(userId) as number;
}

/** When each of `ids` (shared rows) was read by `userId`; unread ones are absent. */
export function sharedReadTimes(userId: string, ids: number[]): Map<number, number> {
	const times = new Map<number, number>();
	if (ids.length === 0) return times;
	const marks = statements().marksFrom.all(userId, Math.min(...ids)) as [upTo: number, readAt: number][];
	for (const id of ids) {
		const mark = marks.find(([upTo]) => upTo >= id);
		if (mark) times.set(id, mark[1]);
	}
	return times;
}

/** Marks the shared rows up to `upTo` (inclusive) read for `userId`; a mark below the last one changes nothing. */
export function markSharedRead(userId: string, upTo: number, now = Date.now()): void {
	statements().addMark.run({ userId, upTo, now });
}

/** The unread shared rows not yet mailed, by person, of people whose digest is `frequency` (unordered). */
export function sharedPendingByPerson(frequency: string): Map<string, number[]> {
	const byPerson = new Map<string, number[]>();
	for (const { userId, id } of statements().pending.iterate(frequency) as Iterable<{ userId: string; id: number }>) {
		const ids = byPerson.get(userId);
		if (ids) ids.push(id);
		else byPerson.set(userId, [id]);
	}
	return byPerson;
}

export interface SharedClaim {
	ids: number[];
	release: () => void;
}

/**
 * Claims for `userId`'s digest those of `ids` above what was already mailed or read: moves the
 * mailed mark to the highest, in one immediate transaction (another sender waits, then sees it).
 */
export function claimSharedForDigest(userId: string, ids: number[]): SharedClaim {
	const s = statements();
	const { sqlite } = store();
	return sqlite
		.transaction((): SharedClaim => {
			const before = s.mailedMark.get(userId) as number | undefined;
			const floor = Math.max(before ?? 0, readMark(userId));
			const claimed = ids.filter((id) => id > floor);
			if (claimed.length === 0) return { ids: [], release: () => undefined };
			const mark = Math.max(...claimed);
			s.setMailedMark.run(userId, mark);
			const release = () => {
				if (before === undefined) s.dropMailedMark.run(userId, mark);
				else s.resetMailedMark.run(before, userId, mark);
			};
			return { ids: claimed, release };
		})
		.immediate();
}
