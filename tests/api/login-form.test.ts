// Log-in posted as a plain HTML form (no JavaScript: scripts off, or a slow phone
// before the page is live). Same rules as POST /api/auth/login, same limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
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

let lastIp = 0;
/** A browser profile speaking from an IP no other test uses. */
function fromNewIp(): Client {
	lastIp++;
	return new Client(server.url, { 'x-forwarded-for': `203.0.113.${lastIp}` });
}

/** Posts the log-in form as a browser without JavaScript does (same origin, form-encoded, HTML wanted). */
function postForm(client: Client, fields: Record<string, string>, search = '', origin = server.url) {
	return client.request('POST', `/login${search}`, new URLSearchParams(fields).toString(), {
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
