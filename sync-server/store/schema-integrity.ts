/** Daily snapshots of each document, kept 30 days (API.md "History"). */
import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const docHistory = sqliteTable(
	'doc_history',
	{
		docId: text('doc_id').notNull(),
		/** When the snapshot was taken (ms since epoch): the state just before that moment's change. */
		takenAt: integer('taken_at').notNull(),
		/** The whole document, encoded from a garbage-collected Y.Doc (compact). */
		state: blob('state', { mode: 'buffer' }).notNull(),
		bytes: integer('bytes').notNull()
	},
	(t) => [primaryKey({ columns: [t.docId, t.takenAt] })]
);

export type DocHistoryRow = typeof docHistory.$inferSelect;
