/**
 * Keeps the full-text index in few segments. Every write adds a small FTS5
 * segment and automerge leaves a dozen or so at 100,000 rows; each range query
 * then seeks every segment, which made text-near-a-point ~3× slower in the
 * benchmark than with one segment. Merging in small steps, off the request
 * path, keeps it close to one without the long lock of a full 'optimize'.
 */
import type Database from 'better-sqlite3';

/** One bounded merge step (about `pages` leaf pages written); true while segments remain to merge. */
export function mergeTextIndex(sqlite: Database.Database, pages = 200): boolean {
	const changes = () => sqlite.prepare('SELECT total_changes()').pluck().get() as number;
	const before = changes();
	// A negative page count merges across levels, down to a single segment.
	sqlite.prepare("INSERT INTO initiative_fts (initiative_fts, rank) VALUES ('merge', ?)").run(-pages);
	// FTS5 documents a difference below 2 as "nothing was merged".
	return changes() - before >= 2;
}

/** Merges every few seconds while there is work; returns a function that stops it. */
export function scheduleTextIndexMerge(sqlite: Database.Database, everyMs = 10_000): () => void {
	const timer = setInterval(() => {
		if (sqlite.open) mergeTextIndex(sqlite);
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
