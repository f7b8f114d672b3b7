import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, db, openStore } from '$store/db';
import { sessions, users } from '$store/schema';
import {
	createSession,
	generateSessionToken,
	invalidateUserSessions,
	sessionIdOf,
	SESSION_LIFETIME,
	validateSessionToken
} from './session';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'kohero-session-'));
	openStore(dir);
	const now = Date.now();
	db().insert(users).values({ id: 'user-0001', email: 's@exemple.fr', passwordHash: 'x', displayName: 'S', createdAt: now, updatedAt: now }).run();
});
afterAll(() => {
	closeStore();
	rmSync(dir, { recursive: true, force: true });
});

const setExpiry = (token: string, expiresAt: number) =>
	db().update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionIdOf(token))).run();
const storedExpiry = (token: string) =>
	db().select().from(sessions).where(eq(sessions.id, sessionIdOf(token))).get()?.expiresAt;

describe('sessions', () => {
	it('stores only the SHA-256 of the token', () => {
		const token = generateSessionToken();
		createSession(token, 'user-0001');
		expect(db().select().from(sessions).where(eq(sessions.id, token)).get()).toBeUndefined();
		expect(sessionIdOf(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(validateSessionToken(token).user?.id).toBe('user-0001');
	});

	it.each([
		{ left: 29 * DAY, slides: false },
		{ left: 16 * DAY, slides: false },
		{ left: 14 * DAY, slides: true },
		{ left: 1000, slides: true }
	])('with $left ms left, slides forward: $slides', ({ left, slides }) => {
		const token = generateSessionToken();
		createSession(token, 'user-0001');
		const before = Date.now() + left;
		setExpiry(token, before);
		expect(validateSessionToken(token).session).not.toBeNull();
		const after = storedExpiry(token)!;
		if (slides) expect(after).toBeGreaterThanOrEqual(Date.now() + SESSION_LIFETIME - 5000);
		else expect(after).toBe(before);
	});

	it('deletes an expired session when it is presented', () => {
		const token = generateSessionToken();
		createSession(token, 'user-0001');
		setExpiry(token, Date.now() - 1);
		expect(validateSessionToken(token)).toEqual({ session: null, user: null });
		expect(storedExpiry(token)).toBeUndefined();
	});

	it('invalidates every session of a user', () => {
		const a = generateSessionToken();
		const b = generateSessionToken();
		createSession(a, 'user-0001');
		createSession(b, 'user-0001');
		invalidateUserSessions('user-0001');
		expect(validateSessionToken(a).session).toBeNull();
		expect(validateSessionToken(b).session).toBeNull();
	});
});
