/**
 * Kohero's SQLite schema. Spatial (R*Tree) and full-text (FTS5) indexes are
 * virtual tables created by the custom migration in drizzle/, kept in step by
 * triggers so that they change in the same transaction as their table.
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES, USER_KINDS } from '../../src/lib/domain/sync-contract';

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		email: text('email').notNull().unique(),
		passwordHash: text('password_hash').notNull(),
		displayName: text('display_name').notNull(),
		kind: text('kind', { enum: USER_KINDS }).notNull().default('person'),
		bio: text('bio').notNull().default(''),
		skills: text('skills', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		discoverable: integer('discoverable', { mode: 'boolean' }).notNull().default(false),
		homeLat: real('home_lat'),
		homeLng: real('home_lng'),
		/** The only home people search sees: drawn once 0.5–1.5 km away, redrawn when the home moves. */
		homeBlurLat: real('home_blur_lat'),
		homeBlurLng: real('home_blur_lng'),
		/** Set by a moderator's suspend_author decision: no log-in, no session, no write (migration 0009). */
		suspendedAt: integer('suspended_at'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('users_discoverable_home').on(t.discoverable, t.homeLat)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 of the token, hex. The token itself is never stored. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('sessions_user').on(t.userId)]
);

export const initiatives = sqliteTable(
	'initiatives',
	{
		/** Integer key for the R*Tree and FTS5 indexes, which need integer row ids. */
		pk: integer('pk').primaryKey({ autoIncrement: true }),
		id: text('id').notNull().unique(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		category: text('category').notNull(),
		lat: real('lat').notNull(),
		lng: real('lng').notNull(),
		placeName: text('place_name').notNull().default(''),
		memberCount: integer('member_count').notNull().default(1),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		lastActivityAt: integer('last_activity_at').notNull(),
		/** Hidden pending review (migration 0009): out of the proximity indexes, 404 but for its owners/admins and moderators. */
		hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('initiatives_owner').on(t.ownerId)]
);

export const memberships = sqliteTable(
	'memberships',
	{
		initiativeId: text('initiative_id')
			.notNull()
			.references(() => initiatives.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		joinedAt: integer('joined_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.initiativeId, t.userId] }), index('memberships_user').on(t.userId)]
);

/** Each document with a log gets a number: its rows' keys in doc_log start from it (drizzle/0016). */
export const docNumbers = sqliteTable('doc_numbers', {
	docNo: integer('doc_no').primaryKey(),
	docId: text('doc_id').notNull().unique()
});

/**
 * Append-only log of Yjs updates, one row per accepted writer message, keyed by doc_no × 2³² + seq
 * (drizzle/0016; its SQL: log-sql.ts): a document's rows sit together, so pruning one document's log
 * never rewrites pages of the others, and the b-tree's keys are integers. The view `doc_updates`
 * reads it by document id (doc_id, seq, update, author_id, created_at).
 */
export const docLog = sqliteTable('doc_log', {
	logKey: integer('log_key').primaryKey(),
	seq: integer('seq').notNull(),
	update: blob('update', { mode: 'buffer' }).notNull(),
	authorId: text('author_id'),
	createdAt: integer('created_at').notNull()
});

/**
 * Compacted state of a document: every update with seq <= `seq` is merged in. A big one
 * is stored in `parts` rows of doc_snapshot_parts instead of `state` (snapshots.ts).
 */
export const docSnapshots = sqliteTable('doc_snapshots', {
	docId: text('doc_id').primaryKey(),
	state: blob('state', { mode: 'buffer' }).notNull(),
	seq: integer('seq').notNull(),
	parts: integer('parts').notNull().default(0),
	updatedAt: integer('updated_at').notNull()
});

/** The parts of a big snapshot, in order, under the seq it covers. */
export const docSnapshotParts = sqliteTable(
	'doc_snapshot_parts',
	{
		docId: text('doc_id').notNull(),
		seq: integer('seq').notNull(),
		part: integer('part').notNull(),
		bytes: blob('bytes', { mode: 'buffer' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.docId, t.seq, t.part] })]
);

export type UserRow = typeof users.$inferSelect;
export type InitiativeRow = typeof initiatives.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type Role = MembershipRow['role'];
export type UserKind = UserRow['kind'];
export * from './schema-integrity';
export * from './schema-notify';
export * from './schema-moderation';
export * from './schema-meetings';
