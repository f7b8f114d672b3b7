/** Private calendar feeds: one secret URL per person; posting again replaces it (the old one → 404). */
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { calendarFeeds, type UserRow } from '$store/schema';
import { notFound } from '../http/api-error';
import { meetingMessage } from './errors';
import { memberCalendar } from './calendar';

const SECRET = /^[A-Za-z0-9_-]{32,64}$/;
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A new secret feed URL for `user`; the previous one stops working. */
export function rotateCalendarFeed(user: UserRow, origin: string): string {
	const secret = randomBytes(32).toString('base64url');
	const row = { userId: user.id, secretHash: hash(secret), createdAt: Date.now() };
	db().insert(calendarFeeds).values(row).onConflictDoUpdate({ target: calendarFeeds.userId, set: row }).run();
	return `${origin}/ical/${secret}.ics`;
}

/** The calendar behind a feed file name `<secret>.ics`, or 404. */
export function feedCalendar(file: string, origin: string): string {
	const secret = file.endsWith('.ics') ? file.slice(0, -4) : '';
	const row = SECRET.test(secret)
		? db().select().from(calendarFeeds).where(eq(calendarFeeds.secretHash, hash(secret))).get()
		: undefined;
	if (!row) throw notFound(meetingMessage('feed_not_found'));
	return memberCalendar(row.userId, origin);
}
