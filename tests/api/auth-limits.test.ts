// Runs on its own server: the per-IP login limit would otherwise leak into other tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.dispose();
});

describe('login limits and session safety', () => {
	it('answers the 11th failure for one email with 429 and Retry-After, even with the right password', async () => {
		const owner = new Client(server.url);
		await owner.signup({ email: 'cible@exemple.fr' });
		const attacker = new Client(server.url);
		for (let i = 0; i < 10; i++) {
			const res = await attacker.post('/api/auth/login', { email: 'cible@exemple.fr', password: `essai-numero-${i}` });
			expect(res.status).toBe(401);
		}
		const blocked = await attacker.post('/api/auth/login', { email: 'cible@exemple.fr', password: 'motdepasse-solide' });
		expect(blocked.status).toBe(429);
		expect(blocked.body.error.code).toBe('too_many_attempts');
		const retryAfter = Number(blocked.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(15 * 60);
	});

	it('limits failures per IP across different emails', async () => {
		// The previous test already spent 10 failures from this IP.
		const res = await new Client(server.url).post('/api/auth/login', { email: 'autre@exemple.fr', password: 'nimportequoi' });
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBeTruthy();
	});
});

describe('sessions', () => {
	it('issues a new token at log-in and drops the one the browser carried (no fixation)', async () => {
		const fresh = await startServer();
		try {
			const victim = new Client(fresh.url);
			await victim.signup({ email: 'fixation@exemple.fr' });
			const planted = victim.cookie;
			const login = await victim.post('/api/auth/login', { email: 'fixation@exemple.fr', password: 'motdepasse-solide' });
			expect(login.status).toBe(200);
			expect(victim.cookie).not.toBe(planted);
			const old = new Client(fresh.url);
			old.cookie = planted;
			expect((await old.get('/api/me')).status).toBe(401);
			expect((await victim.get('/api/me')).status).toBe(200);
		} finally {
			await fresh.dispose();
		}
	});

	it('refuses a forged or garbage session cookie', async () => {
		const c = new Client(server.url);
		c.cookie = 'kohero_session=' + 'a'.repeat(32);
		expect((await c.get('/api/me')).status).toBe(401);
		c.cookie = "kohero_session=' OR 1=1 --";
		expect((await c.get('/api/me')).status).toBe(401);
	});

	it('refuses a cross-site state-changing API request', async () => {
		const c = new Client(server.url);
		await c.signup();
		const res = await c.request('PATCH', '/api/me', { bio: 'pirate' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
		expect(res.status).toBe(403);
		expect((await c.get('/api/me')).body.user.bio).toBe('');
	});

	it('sets security headers on pages and API', async () => {
		for (const path of ['/', '/api/me']) {
			const res = await fetch(server.url + path);
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('referrer-policy')).toBeTruthy();
			expect(res.headers.get('permissions-policy')).toContain('geolocation=(self)');
		}
	});
});

describe('password change', () => {
	it('needs the current password, then ends every other session and keeps this one signed in', async () => {
		const laptop = new Client(server.url);
		await laptop.signup();
		const other = new Client(server.url);
		other.cookie = laptop.cookie;

		const wrong = await laptop.post('/api/me/password', { currentPassword: 'pas-le-bon-mdp', newPassword: 'nouveau-mot-de-passe' });
		expect(wrong.status).toBe(403);
		const short = await laptop.post('/api/me/password', { currentPassword: 'motdepasse-solide', newPassword: 'court' });
		expect(short.status).toBe(400);
		expect(short.body.error.fields.newPassword).toBeTruthy();

		const ok = await laptop.post('/api/me/password', { currentPassword: 'motdepasse-solide', newPassword: 'nouveau-mot-de-passe' });
		expect(ok.status).toBe(204);
		expect((await laptop.get('/api/me')).status).toBe(200);
		expect((await other.get('/api/me')).status).toBe(401);
	});
});
