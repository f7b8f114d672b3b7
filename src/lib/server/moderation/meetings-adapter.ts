/**
 * Meetings as moderation targets, over the meetings engineer's table
 * (`meetings`: id, initiative_id, created_by, hidden, title…). Raw SQL on purpose:
 * the table may not exist in a database without meetings, and then every
 * meeting is simply unknown.
 */
import { store } from '$store/db';

export interface MeetingTarget {
	id: string;
	initiativeId: string;
	createdBy: string;
	title: string;
	hidden: boolean;
}

function hasMeetingsTable(): boolean {
	const row = store().sqlite.prepare("SELECT 1 AS one FROM sqlite_master WHERE type = 'table' AND name = 'meetings'").get();
	return row !== undefined;
}

/** Meeting `id` as a report target, or null when unknown (or when meetings do not exist here). */
export function findMeeting(id: string): MeetingTarget | null {
	if (!hasMeetingsTable()) return null;
	const row = store().sqlite.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as Record<string, unknown> | undefined;
	if (!row) return null;
	return {
		id: String(row.id),
		initiativeId: String(row.initiative_id),
		createdBy: String(row.created_by),
		title: typeof row.title === 'string' ? row.title : '',
		hidden: Boolean(row.hidden)
	};
}

/** Hides or shows meeting `id` (lists, calendars and GET read its `hidden` column). */
export function setMeetingHidden(id: string, hidden: boolean): void {
	if (!hasMeetingsTable()) return;
	store().sqlite.prepare('UPDATE meetings SET hidden = ? WHERE id = ?').run(hidden ? 1 : 0, id);
}
