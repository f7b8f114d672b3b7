/**
 * Meetings (drizzle side of migration 0007): meetings, answers, invitation
 * links, private calendar feeds and the newcomer mails already sent. The
 * R*Tree `meeting_geo` is kept in step by triggers (see the migration).
 */
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { initiatives, users } from './schema';

export const meetings = sqliteTable(
	'meetings',
	{
		/** Integer key for the R*Tree. */
		pk: integer('pk').primaryKey({ autoIncrement: true }),
		id: text('id').notNull().unique('meetings_id_unique'),
		initiativeId: text('initiative_id')
			.notNull()
			.references(() => initiatives.id, { onDelete: 'cascade' }),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** Wall time in `timeZone`, `YYYY-MM-DDTHH:MM:SS`: the truth across daylight-saving changes. */
		localStart: text('local_start').notNull(),
		localEnd: text('local_end').notNull(),
		timeZone: text('time_zone').notNull().default('Europe/Paris'),
		/** Instants (ms) computed from the wall times, for ordering and search. */
		startsAt: integer('starts_at').notNull(),
		endsAt: integer('ends_at').notNull(),
		placeName: text('place_name').notNull().default(''),
		lat: real('lat'),
		lng: real('lng'),
		status: text('status', { enum: ['confirmed', 'cancelled'] }).notNull().default('confirmed'),
		/** iCalendar SEQUENCE: grows with each change. */
		sequence: integer('sequence').notNull().default(0),
		/** Set by moderation: the meeting leaves every list; only its initiative's owners/admins still see it. */
		hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
		attending: integer('attending').notNull().default(0),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('meetings_initiative_start').on(t.initiativeId, t.startsAt)]
);

export const meetingRsvps = sqliteTable(
	'meeting_rsvps',
	{
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		answer: text('answer', { enum: ['yes', 'no', 'maybe'] }).notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_rsvps_user').on(t.userId)]
);

export const invites = sqliteTable(
	'invites',
	{
		token: text('token').primaryKey(),
		initiativeId: text('initiative_id')
			.notNull()
			.references(() => initiatives.id, { onDelete: 'cascade' }),
		/** The meeting this link was made for, if any (valid until 7 days after it). */
		meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		/** The origin the link was made under (`https://kohero.fr`), so mails carry the same URL. */
		baseUrl: text('base_url').notNull(),
		expiresAt: integer('expires_at').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('invites_meeting').on(t.meetingId)]
);

export const calendarFeeds = sqliteTable('calendar_feeds', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	/** SHA-256 of the secret in the feed URL. */
	secretHash: text('secret_hash').notNull().unique('calendar_feeds_secret'),
	createdAt: integer('created_at').notNull()
});

export const meetingNewcomerMails = sqliteTable(
	'meeting_newcomer_mails',
	{
		meetingId: text('meeting_id').notNull(),
		entryId: text('entry_id').notNull(),
		sentAt: integer('sent_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.entryId] })]
);

export type MeetingRow = typeof meetings.$inferSelect;
export type RsvpAnswer = (typeof meetingRsvps.$inferSelect)['answer'];
