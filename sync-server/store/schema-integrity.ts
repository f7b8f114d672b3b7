/** Daily snapshots of each document, kept 30 days (API.md "History"). */
import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const docHistory = sqliteTable(
	'doc_history',
	{
		docId: text('doc_id').notNull(),
		/** When the snapshot was taken (ms since epoch): the state just before that moment's change. */
		takenAt: integer('taken_at').notNull(),
		/** The whole document, encoded from a garbage-collected Y.Doc (compact); empty when it is in `parts` parts. */
		state: blob('state', { mode: 'buffer' }).notNull(),
		bytes: integer('bytes').notNull(),
		/** How many rows of doc_history_parts hold the state (0: `state` holds it). */
		parts: integer('parts').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.docId, t.takenAt] })]
);

/** The parts of a big history snapshot, in order. */
export const docHistoryParts = sqliteTable(
	'doc_history_parts',
	{
		docId: text('doc_id').notNull(),
		takenAt: integer('taken_at').notNull(),
		part: integer('part').notNull(),
		bytes: blob('bytes', { mode: 'buffer' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.docId, t.takenAt, t.part] })]
);

export type DocHistoryRow = typeof docHistory.$inferSelect;
