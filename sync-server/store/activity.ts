/**
 * Keeps initiatives.last_activity_at current from document edits without a
 * write per keystroke: the first change writes at once, later ones within the
 * window are folded into one write at its end.
 */
import type Database from 'better-sqlite3';

export interface ActivityRecorder {
	/** Notes that `initiativeId` changed now. */
	touch(initiativeId: string): void;
	/** Writes every pending activity time now (shutdown). */
	flush(): void;
}

/** An ActivityRecorder writing to the initiatives table at most once per `windowMs` per initiative. */
export function createActivityRecorder(sqlite: Database.Database, windowMs: number): ActivityRecorder {
	const update = sqlite.prepare('UPDATE initiatives SET last_activity_at = ? WHERE id = ? AND last_activity_at < ?');
	/** Initiatives inside a window, with the time of a change not yet written (or null). */
	const windows = new Map<string, { pendingAt: number | null; timer: NodeJS.Timeout }>();

	function write(initiativeId: string, at: number): void {
		update.run(at, initiativeId, at);
	}

	function closeWindow(initiativeId: string): void {
		const entry = windows.get(initiativeId);
		windows.delete(initiativeId);
		if (entry?.pendingAt != null) write(initiativeId, entry.pendingAt);
	}

	return {
		touch(initiativeId) {
			const now = Date.now();
			const entry = windows.get(initiativeId);
			if (entry) {
				entry.pendingAt = now;
				return;
			}
			write(initiativeId, now);
			const timer = setTimeout(() => closeWindow(initiativeId), windowMs);
			timer.unref();
			windows.set(initiativeId, { pendingAt: null, timer });
		},
		flush() {
			for (const [initiativeId, entry] of windows) {
				clearTimeout(entry.timer);
				closeWindow(initiativeId);
			}
		}
	};
}
