// Log-in and sign-up posted as plain HTML forms (no JavaScript: scripts off, or a slow
// phone before the page is live). Same rules as POST /api/auth/login and /signup, same limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, newIpClients } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';
import { body } from './initiative-fixtures';

const PASSWORD = 'motdepasse-solide';
let server: TestServer;
beforeAll(async () => {
	server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' } });
});
afterAll(async () => {
	await server?.dispose();
});

/** A client speaking from an IP no other test uses. */
const fromNewIp = newIpClients(() => server.url, '203.0.113');

/** Posts a page's form as a browser without JavaScript does (same origin, form-encoded, HTML wanted). */
function postForm(client: Client, fields: Record<string, string>, search = '', origin = server.url, page = '/login') {
	return client.request('POST', `${page}${search}`, new URLSearchParams(fields).toString(), {
		'content-type': 'application/x-www-form-urlencoded',
		accept: 'text/html',
		origin
	});
}

describe('the log-in form without JavaScript', () => {
	it('logs in and leads to the feed with a working session', async () => {
		const { email } = await fromNewIp().signup();
		const browser = fromNewIp();
		const res = await postForm(browser, { email, password: PASSWORD });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/');
		expect((await browser.get('/api/me')).status).toBe(200);
	});

	it('comes back to the initiative it was asked from, joined', async () => {
		const owner = fromNewIp();
		await owner.signup();
		const { id } = (await owner.post('/api/initiatives', body())).body.initiative;
		const { email, id: userId } = await fromNewIp().signup();
		const browser = fromNewIp();
		const res = await postForm(browser, { email, password: PASSWORD }, `?next=${encodeURIComponent(`/initiatives/${id}`)}&join=1`);
		expect(res.headers.get('location')).toBe(`/initiatives/${id}`);
		const members = (await owner.get(`/api/initiatives/${id}/members`)).body.items as { user: { id: string } }[];
		expect(members.map((m) => m.user.id)).toContain(userId);
	});

	it('never leads off the site, whatever `next` says', async () => {
		const { email } = await fromNewIp().signup();
		const res = await postForm(fromNewIp(), { email, password: PASSWORD }, `?next=${encodeURIComponent('//evil.example/phish')}`);
		expect(res.headers.get('location')).toBe('/');
	});

	it('answers a wrong password with the page, its French message and the e-mail kept, never the password', async () => {
		const { email } = await fromNewIp().signup();
		const browser = fromNewIp();
		const res = await postForm(browser, { email, password: 'pas-le-bon-mot-de-passe' });
		expect(res.status).toBe(401);
		expect(res.text).toContain('Adresse e-mail ou mot de passe incorrect.');
		expect(res.text).toContain(`value="${email}"`);
		expect(res.text).not.toContain('pas-le-bon-mot-de-passe');
		expect(browser.cookie).toBe('');
	});

	it('refuses an empty form, and one the rules refuse, with a clear message and no session', async () => {
		const browser = fromNewIp();
		const empty = await postForm(browser, {});
		expect(empty.status).toBe(401);
		expect(empty.text).toContain('Adresse e-mail ou mot de passe incorrect.');
		const tooLong = await postForm(browser, { email: 'camille@exemple.fr', password: 'x'.repeat(257) });
		expect(tooLong.status).toBe(400);
		expect(tooLong.text).toContain('Données invalides.');
		expect(browser.cookie).toBe('');
	});

	it('counts its failures with the API’s: the 11th for one e-mail is refused, even right', async () => {
		const { email } = await fromNewIp().signup();
		const attacker = fromNewIp();
		for (let i = 0; i < 10; i++) expect((await postForm(attacker, { email, password: `essai-numero-${i}` })).status).toBe(401);
		expect((await attacker.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(429);
		expect((await postForm(fromNewIp(), { email, password: PASSWORD })).status).toBe(429);
	});

	it('refuses a log-in posted from another site (a forged form would sign the victim into the attacker’s account)', async () => {
		const { email } = await fromNewIp().signup();
		const victim = fromNewIp();
		const res = await postForm(victim, { email, password: PASSWORD }, '', 'https://evil.example');
		expect(res.status).toBe(403);
		expect(victim.cookie).toBe('');
	});
});

describe('the sign-up form without JavaScript', () => {
	const signupFields = (overrides: Record<string, string> = {}) => ({
		kind: 'association',
		displayName: 'Les Jardins du Plateau',
		email: `f${Math.random().toString(36).slice(2)}@exemple.fr`,
		password: PASSWORD,
		...overrides
	});

	it('creates the account as chosen and leads to the profile, signed in', async () => {
		const browser = fromNewIp();
		const res = await postForm(browser, signupFields(), '', server.url, '/signup');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/profile');
		const me = await browser.get('/api/me');
		expect(me.status).toBe(200);
		expect(me.body.user.kind).toBe('association');
		expect(me.body.user.displayName).toBe('Les Jardins du Plateau');
	});

	it('comes back to the initiative it was asked from, joined', async () => {
		const owner = fromNewIp();
		await owner.signup();
		const { id } = (await owner.post('/api/initiatives', body())).body.initiative;
		const browser = fromNewIp();
		const res = await postForm(browser, signupFields(), `?next=${encodeURIComponent(`/initiatives/${id}`)}&join=1`, server.url, '/signup');
		expect(res.headers.get('location')).toBe(`/initiatives/${id}`);
		const me = (await browser.get('/api/me')).body.user;
		const members = (await owner.get(`/api/initiatives/${id}/members`)).body.items as { user: { id: string } }[];
		expect(members.map((m) => m.user.id)).toContain(me.id);
	});

	it('refuses a short password with its French message, keeping what was typed but the password', async () => {
		const browser = fromNewIp();
		const fields = signupFields({ password: 'court' });
		const res = await postForm(browser, fields, '', server.url, '/signup');
		expect(res.status).toBe(400);
		expect(res.text).toContain('Données invalides.');
		expect(res.text).toContain(`value="${fields.email}"`);
		expect(res.text).toContain('value="Les Jardins du Plateau"');
		expect(res.text).not.toContain('value="court"');
		expect(browser.cookie).toBe('');
	});

	it('refuses a sign-up posted from another site', async () => {
		const browser = fromNewIp();
		const res = await postForm(browser, signupFields(), '', 'https://evil.example', '/signup');
		expect(res.status).toBe(403);
		expect(browser.cookie).toBe('');
	});
});
