/**
 * Activity and notifications: one activity row per recipient, or one row
 * shared by an initiative's members for messages and ideas (filled where
 * things happen), notification preferences and mutes, password-reset tokens
 * (hash only), Web Push subscriptions and the digest job's durable state.
 * Created by drizzle/0008_notifications.sql, shared rows by 0011.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { initiatives, users } from './schema';

export const activity = sqliteTable(
	'activity',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The person told; null for a row shared by the initiative's members (messages and ideas, drizzle/0011). */
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		type: text('type').notNull(),
		actorId: text('actor_id'),
		initiativeId: text('initiative_id'),
		/** No foreign key: meetings live in another area's table. */
		meetingId: text('meeting_id'),
		excerpt: text('excerpt').notNull().default(''),
		/** What the item needs to be shown without joins that may fail later (meeting title, distance, role…). */
		data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
		createdAt: integer('created_at').notNull(),
		readAt: integer('read_at'),
		/** Set once the item went out by mail (instant or digest): never mailed twice. */
		mailedAt: integer('mailed_at')
	},
	(t) => [index('activity_user').on(t.userId, t.id)]
);

/** Each "read up to" a person sent, with its time: how shared rows are read (drizzle/0011). */
export const activityReadMarks = sqliteTable(
	'activity_read_marks',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		upTo: integer('up_to').notNull(),
		readAt: integer('read_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.upTo] })]
);

/** The highest shared row already mailed to a person in a digest. */
export const activityMailedMarks = sqliteTable('activity_mailed_marks', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	upTo: integer('up_to').notNull()
});

export const notificationPrefs = sqliteTable('notification_prefs', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	emailDigest: text('email_digest', { enum: ['off', 'daily', 'weekly'] }).notNull().default('weekly'),
	emailInstant: integer('email_instant', { mode: 'boolean' }).notNull().default(true),
	push: integer('push', { mode: 'boolean' }).notNull().default(false),
	nearbyRadiusKm: integer('nearby_radius_km').notNull().default(5),
	/** The language mails are written in (the person's last chosen one). */
	locale: text('locale', { enum: ['fr', 'en'] }).notNull().default('fr'),
	/** Unguessable capability of the one-click unsubscribe link. */
	unsubscribeToken: text('unsubscribe_token').notNull().unique(),
	updatedAt: integer('updated_at').notNull()
});

export const notificationMutes = sqliteTable(
	'notification_mutes',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		initiativeId: text('initiative_id')
			.notNull()
			.references(() => initiatives.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.initiativeId] })]
);

export const passwordResets = sqliteTable('password_resets', {
	/** SHA-256 of the token, hex: the token itself only travels in the mail. */
	tokenHash: text('token_hash').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	expiresAt: integer('expires_at').notNull(),
	usedAt: integer('used_at'),
	createdAt: integer('created_at').notNull()
});

export const pushSubscriptions = sqliteTable('push_subscriptions', {
	endpoint: text('endpoint').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	p256dh: text('p256dh').notNull(),
	auth: text('auth').notNull(),
	createdAt: integer('created_at').notNull()
});

/** The digest job: per frequency, the last scheduled slot fully sent (a restart neither skips nor repeats). */
export const digestRuns = sqliteTable('digest_runs', {
	frequency: text('frequency', { enum: ['daily', 'weekly'] }).primaryKey(),
	lastSlot: integer('last_slot').notNull(),
	finishedAt: integer('finished_at').notNull()
});

export type ActivityRow = typeof activity.$inferSelect;
export type NotificationPrefsRow = typeof notificationPrefs.$inferSelect;
