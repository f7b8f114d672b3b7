/**
 * Reads a meeting's title and start for activity items. The meetings table
 * belongs to another area (and may not exist in an older database): this
 * adapter tolerates its absence and a few column shapes, and answers null.
 */
import { store } from '$store/db';

export interface MeetingInfo {
	title: string;
	startsAt: string;
}

/** The meeting's title and start (RFC 3339), or null when it cannot be read. */
export function meetingInfo(meetingId: string): MeetingInfo | null {
	try {
		const row = store().sqlite.prepare('SELECT * FROM meetings WHERE id = ?').get(meetingId) as Record<string, unknown> | undefined;
		if (!row) return null;
		const title = typeof row.title === 'string' ? row.title : '';
		const start = row.starts_at ?? row.startsAt ?? row.start_at;
		let startsAt = '';
		if (typeof start === 'number') startsAt = new Date(start).toISOString();
		else if (typeof start === 'string') startsAt = start;
		return { title, startsAt };
	} catch {
		// No meetings table yet (or another shape): the item shows without its meeting details.
		return null;
	}
}
