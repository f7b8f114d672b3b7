/**
 * Sessions as in Lucia's current guide: a random token goes to the cookie,
 * only its SHA-256 is stored; 30-day expiry that slides forward when used.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, ne, sql } from 'drizzle-orm';
import { db, type Db } from '$store/db';
import { perConnection } from '$store/per-connection';
import { sessions, users, type UserRow } from '$store/schema';
import { publish } from '../events';

export const SESSION_COOKIE = 'kohero_session';
const DAY = 24 * 60 * 60 * 1000;
/** 30 days; tests shorten it (KOHERO_SESSION_LIFETIME_MS) to watch sessions expire. */
export const SESSION_LIFETIME = lifetimeFromEnv() ?? 30 * DAY;
/** Extend when less than half the lifetime is left, so an active session never expires. */
const RENEW_BELOW = SESSION_LIFETIME / 2;

function lifetimeFromEnv(): number | undefined {
	const ms = Number(process.env.KOHERO_SESSION_LIFETIME_MS);
	return Number.isInteger(ms) && ms > 0 ? ms : undefined;
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

/** A new unguessable token (160 bits). */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored id of a token: its SHA-256, hex. */
export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Stores a session for `userId` under the hash of `token`. */
export function createSession(token: string, userId: string): Session {
	const now = Date.now();
	const session = { id: sessionIdOf(token), userId, expiresAt: new Date(now + SESSION_LIFETIME) };
	db()
		.insert(sessions)
		.values({ id: session.id, userId, expiresAt: session.expiresAt.getTime(), createdAt: now })
		.run();
	return session;
}

/** Every HTTP request and every socket upgrade validates a session: its queries are built and prepared once. */
const validation = perConnection((handle: Db) => ({
	lookup: handle
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare(),
	renew: handle
		.update(sessions)
		.set({ expiresAt: sql`${sql.placeholder('expiresAt')}` })
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
}));

export type SessionValidation = { session: Session; user: UserRow } | { session: null; user: null };

/** The session and user behind `token`; expired sessions are deleted, live ones slide forward. */
export function validateSessionToken(token: string): SessionValidation {
	const id = sessionIdOf(token);
	const row = validation(db()).lookup.get({ id });
	if (!row) return { session: null, user: null };
	// Suspension ends sessions at once; this also refuses any issued after it (e.g. by a password reset).
	if (row.user.suspendedAt !== null) return { session: null, user: null };
	const now = Date.now();
	if (now >= row.session.expiresAt) {
		invalidateSession(id);
		return { session: null, user: null };
	}
	let expiresAt = row.session.expiresAt;
	if (expiresAt - now < RENEW_BELOW) {
		expiresAt = now + SESSION_LIFETIME;
		validation(db()).renew.run({ id, expiresAt });
	}
	return { session: { id, userId: row.session.userId, expiresAt: new Date(expiresAt) }, user: row.user };
}

/** Deletes one session (logout); its open sockets close. */
export function invalidateSession(sessionId: string): void {
	db().delete(sessions).where(eq(sessions.id, sessionId)).run();
	publish('sessions_ended', { sessionIds: [sessionId] });
}

/**
 * Deletes every session of a user but `keepSessionId`, if given (password change,
 * reset, suspension); their open sockets close. The one seam through which the
 * relay learns that sessions ended.
 */
export function invalidateUserSessions(userId: string, keepSessionId?: string): void {
	const ended = db()
		.delete(sessions)
		.where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId))
		.returning({ id: sessions.id })
		.all()
		.map((row) => row.id);
	if (ended.length > 0) publish('sessions_ended', { sessionIds: ended });
}
