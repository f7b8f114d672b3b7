// One server that trusts X-Forwarded-For (ADDRESS_HEADER, as behind a proxy), so
// every test speaks from its own IP and spends its own budgets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, newIpClients } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';

const PASSWORD = 'motdepasse-solide';
let server: TestServer;
beforeAll(async () => {
	server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', SIGNUP_LIMIT_PER_HOUR: '10' } });
});
afterAll(async () => {
	await server?.dispose();
});

/** A client speaking from an IP no other test uses. */
const fromNewIp = newIpClients(() => server.url, '198.51.100');
const uniqueEmail = (name: string) => `${name}-${Math.random().toString(36).slice(2)}@exemple.fr`;

describe('login limits and session safety', () => {
	it('answers the 11th failure for one email with 429 and Retry-After, even with the right password', async () => {
		const email = uniqueEmail('cible');
		await fromNewIp().signup({ email });
		const attacker = fromNewIp();
		for (let i = 0; i < 10; i++) {
			const res = await attacker.post('/api/auth/login', { email, password: `essai-numero-${i}` });
			expect(res.status).toBe(401);
		}
		const blocked = await attacker.post('/api/auth/login', { email, password: PASSWORD });
		expect(blocked.status).toBe(429);
		expect(blocked.body.error.code).toBe('too_many_attempts');
		const retryAfter = Number(blocked.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(15 * 60);
	});

	it('limits failures per IP across different emails, and only that IP', async () => {
		const attacker = fromNewIp();
		for (let i = 0; i < 10; i++) {
			expect((await attacker.post('/api/auth/login', { email: uniqueEmail('x'), password: 'nimportequoi' })).status).toBe(401);
		}
		const res = await attacker.post('/api/auth/login', { email: uniqueEmail('autre'), password: 'nimportequoi' });
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBeTruthy();
		expect((await fromNewIp().post('/api/auth/login', { email: uniqueEmail('autre'), password: 'nimportequoi' })).status).toBe(401);
	});

	it('checks at most 10 of 40 parallel wrong passwords for one email (the attempt is counted before the check)', async () => {
		const email = uniqueEmail('parallele');
		await fromNewIp().signup({ email });
		const attackers = Array.from({ length: 40 }, () => fromNewIp());
		const statuses = await Promise.all(
			attackers.map((attacker, i) => attacker.post('/api/auth/login', { email, password: `essai-parallele-${i}` }).then((r) => r.status))
		);
		expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
		expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
	});
});

describe('password guessing through a signed-in session', () => {
	it('counts wrong current passwords like log-in failures: the 11th answer is 429, and log-in is locked too', async () => {
		const thief = fromNewIp();
		const { email } = await thief.signup();
		for (let i = 0; i < 10; i++) {
			const res = await thief.post('/api/me/password', { currentPassword: `devine-${i}-xx`, newPassword: 'nouveau-mot-de-passe' });
			expect(res.status).toBe(403);
		}
		const blocked = await thief.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'nouveau-mot-de-passe' });
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
		// The same budget: the e-mail cannot be guessed at the log-in form either.
		expect((await fromNewIp().post('/api/auth/login', { email, password: PASSWORD })).status).toBe(429);
	});
});

describe('sign-ups per IP', () => {
	it('accepts SIGNUP_LIMIT_PER_HOUR (10) sign-ups from one IP, then 429 with Retry-After; another IP still signs up', async () => {
		const ip = fromNewIp().headers['x-forwarded-for'];
		for (let i = 0; i < 10; i++) await new Client(server.url, { 'x-forwarded-for': ip }).signup();
		const refused = await new Client(server.url, { 'x-forwarded-for': ip }).post('/api/auth/signup', {
			email: uniqueEmail('onze'),
			password: PASSWORD,
			displayName: 'Onzième'
		});
		expect(refused.status).toBe(429);
		expect(refused.body.error.code).toBe('too_many_signups');
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		await fromNewIp().signup();
	});
});

describe('sessions', () => {
	it('issues a new token at log-in and drops the one the browser carried (no fixation)', async () => {
		const victim = fromNewIp();
		const { email } = await victim.signup();
		const planted = victim.cookie;
		const login = await victim.post('/api/auth/login', { email, password: PASSWORD });
		expect(login.status).toBe(200);
		expect(victim.cookie).not.toBe(planted);
		const old = fromNewIp();
		old.cookie = planted;
		expect((await old.get('/api/me')).status).toBe(401);
		expect((await victim.get('/api/me')).status).toBe(200);
	});

	it('refuses a forged or garbage session cookie', async () => {
		const c = fromNewIp();
		c.cookie = 'kohero_session=' + 'a'.repeat(32);
		expect((await c.get('/api/me')).status).toBe(401);
		c.cookie = "kohero_session=' OR 1=1 --";
		expect((await c.get('/api/me')).status).toBe(401);
	});

	it('refuses a cross-site state-changing API request', async () => {
		const c = fromNewIp();
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
	it('needs the current password, then ends the other session (a real second log-in) and keeps this one', async () => {
		const laptop = fromNewIp();
		const { email } = await laptop.signup();
		const phone = fromNewIp();
		expect((await phone.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
		expect(phone.cookie).not.toBe(laptop.cookie);

		const wrong = await laptop.post('/api/me/password', { currentPassword: 'pas-le-bon-mdp', newPassword: 'nouveau-mot-de-passe' });
		expect(wrong.status).toBe(403);
		const short = await laptop.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'court' });
		expect(short.status).toBe(400);
		expect(short.body.error.fields.newPassword).toBeTruthy();

		const laptopCookie = laptop.cookie;
		const ok = await laptop.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'nouveau-mot-de-passe' });
		expect(ok.status).toBe(204);
		expect(laptop.cookie).toBe(laptopCookie);
		expect((await laptop.get('/api/me')).status).toBe(200);
		expect((await phone.get('/api/me')).status).toBe(401);
		expect((await fromNewIp().post('/api/auth/login', { email, password: 'nouveau-mot-de-passe' })).status).toBe(200);
	});
});
