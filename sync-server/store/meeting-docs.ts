/** Which loaded documents are meetings of an initiative (membership changes must reach their sockets too). */
import type Database from 'better-sqlite3';

/** A lookup: initiative id + loaded doc ids → the loaded meeting docs of that initiative. */
export function createMeetingDocsOf(sqlite: Database.Database): (initiativeId: string, loaded: string[]) => string[] {
	const ofInitiative = sqlite.prepare<[string], { id: string }>('SELECT id FROM meetings WHERE initiative_id = ?');
	return (initiativeId, loaded) => {
		if (loaded.length === 0) return [];
		const open = new Set(loaded);
		return ofInitiative.all(initiativeId).flatMap(({ id }) => (open.has(id) ? [id] : []));
	};
}
