/**
 * API.md: when a session ends — logout, a password change (for the person's
 * other sessions), expiry — every /sync socket opened with it closes with 4401
 * within 1 s, and the other sessions keep working. Two real sessions of one
 * person (two log-ins), real sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';
import { closed, connectClient, createInitiative, rawSocket, say, storedDoc, synced, texts, waitFor, withDb } from './helpers';

const PASSWORD = 'motdepasse-solide';

/** One person signed in twice: a laptop (the sign-up) and a phone (a second log-in). */
async function twoDevices(server: TestServer) {
	const laptop = new Client(server.url);
	const user = await laptop.signup();
	const phone = new Client(server.url);
	expect((await phone.post('/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(200);
	expect(phone.cookie).not.toBe(laptop.cookie);
	const docId = createInitiative(server, { id: user.id, cookie: laptop.cookie });
	return { user, laptop, phone, docId };
}

/** Resolves with the close code and how long after `since` it came. */
function closedAfter(ws: WebSocket, since: () => number): Promise<{ code: number; ms: number }> {
	return closed(ws).then((code) => ({ code, ms: Date.now() - since() }));
}

describe('sessions that end close their sockets', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => {
		await server?.dispose();
	});

	it('logout closes that session’s sockets with 4401 within 1 s, and only those', async () => {
		const { laptop, phone, docId } = await twoDevices(server);
		const phoneWs = await rawSocket(server.wsUrl, docId, phone.cookie);
		const laptopWs = await rawSocket(server.wsUrl, docId, laptop.cookie);
		let loggedOutAt = 0;
		const phoneClosed = closedAfter(phoneWs, () => loggedOutAt);
		const res = await phone.post('/api/auth/logout');
		loggedOutAt = Date.now();
		expect(res.status).toBe(204);
		const { code, ms } = await phoneClosed;
		console.log(`logout → 4401 in ${ms} ms`);
		expect(code).toBe(4401);
		expect(ms).toBeLessThan(1000);
		expect(laptopWs.readyState).toBe(laptopWs.OPEN);
		expect((await laptop.get('/api/me')).status).toBe(200);
		laptopWs.close();
	});

	it('a password change closes the other sessions’ sockets within 1 s; this one stays and still writes', async () => {
		const { user, laptop, phone, docId } = await twoDevices(server);
		const phoneWs = await rawSocket(server.wsUrl, docId, phone.cookie);
		const writer = connectClient(server.wsUrl, docId, laptop.cookie);
		try {
			await synced(writer);
			const cookieBefore = laptop.cookie;
			let changedAt = 0;
			const phoneClosed = closedAfter(phoneWs, () => changedAt);
			const res = await laptop.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'nouveau-mot-de-passe' });
			changedAt = Date.now();
			expect(res.status).toBe(204);
			const { code, ms } = await phoneClosed;
			console.log(`password change → other session's socket 4401 in ${ms} ms`);
			expect(code).toBe(4401);
			expect(ms).toBeLessThan(1000);
			// The laptop keeps its session (same cookie) and its socket: a write still lands.
			expect(laptop.cookie).toBe(cookieBefore);
			expect((await laptop.get('/api/me')).status).toBe(200);
			expect((await phone.get('/api/me')).status).toBe(401);
			say(writer.doc, user.id, 'Toujours connecté·e');
			await waitFor(() => texts(storedDoc(server.dataDir, docId)).includes('Toujours connecté·e'), 'write stored', 10_000);
			expect(writer.provider.wsconnected).toBe(true);
		} finally {
			writer.destroy();
		}
	});
});

describe('a session that expires while its socket is open', () => {
	const LIFETIME_MS = 4000;
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({ env: { KOHERO_SESSION_LIFETIME_MS: String(LIFETIME_MS) } });
	});
	afterAll(async () => {
		await server?.dispose();
	});

	it('is closed with 4401 within 1 s of its expiry, by a timer (no request needed)', async () => {
		const owner = new Client(server.url);
		const user = await owner.signup();
		const docId = createInitiative(server, { id: user.id, cookie: owner.cookie });
		const ws = await rawSocket(server.wsUrl, docId, owner.cookie);
		const closing = closed(ws).then((code) => ({ code, at: Date.now() }));
		const expiresAt = withDb(server.dataDir, (sqlite) =>
			(sqlite.prepare('SELECT max(expires_at) AS at FROM sessions WHERE user_id = ?').get(user.id) as { at: number }).at
		);
		const { code, at } = await closing;
		console.log(`expiry → 4401 ${at - expiresAt} ms after the session's end`);
		expect(code).toBe(4401);
		expect(at - expiresAt).toBeGreaterThan(-100);
		expect(at - expiresAt).toBeLessThan(1000);
	});
});
