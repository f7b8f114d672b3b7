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

const password = 'motdepasse-solide';

describe('signup', () => {
	it('creates an account, sets the session cookie and defaults kind to person', async () => {
		const c = new Client(server.url);
		const res = await c.post('/api/auth/signup', { email: 'Alice@Exemple.fr', password, displayName: 'Alice' });
		expect(res.status).toBe(201);
		expect(res.body.user).toEqual({ id: expect.any(String), displayName: 'Alice', kind: 'person' });
		const cookie = res.headers.getSetCookie().find((h) => h.startsWith('kohero_session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Secure/i); // served over plain http
		const me = await c.get('/api/me');
		expect(me.body.user.email).toBe('alice@exemple.fr');
	});

	it('accepts association and commune kinds', async () => {
		for (const kind of ['association', 'commune']) {
			const res = await new Client(server.url).post('/api/auth/signup', {
				email: `${kind}@exemple.fr`,
				password,
				displayName: kind,
				kind
			});
			expect(res.status).toBe(201);
			expect(res.body.user.kind).toBe(kind);
		}
	});

	it('refuses a duplicate email whatever its case with 409 email_taken', async () => {
		await new Client(server.url).post('/api/auth/signup', { email: 'dup@exemple.fr', password, displayName: 'A' });
		const res = await new Client(server.url).post('/api/auth/signup', { email: 'DUP@Exemple.FR', password, displayName: 'B' });
		expect(res.status).toBe(409);
		expect(res.body.error.code).toBe('email_taken');
	});

	it('names each invalid field in a 400', async () => {
		const res = await new Client(server.url).post('/api/auth/signup', {
			email: 'pas-un-email',
			password: 'court',
			displayName: '',
			kind: 'robot'
		});
		expect(res.status).toBe(400);
		expect(Object.keys(res.body.error.fields).sort()).toEqual(['displayName', 'email', 'kind', 'password']);
		expect(res.body.error.fields.password).toMatch(/10 caractères/);
	});

	it('names missing fields in French, never with the validation library\'s English', async () => {
		const c = new Client(server.url);
		const res = await c.post('/api/auth/signup', {});
		expect(res.status).toBe(400);
		expect(res.body.error.fields).toEqual({
			email: 'Ce champ est obligatoire.',
			password: 'Ce champ est obligatoire.',
			displayName: 'Ce champ est obligatoire.'
		});
		const near = await c.get('/api/initiatives/near?lng=4.8');
		expect(near.status).toBe(400);
		expect(near.body.error.fields.lat).toBe('Ce champ est obligatoire.');
		const typed = await c.post('/api/auth/signup', { email: 'a@b.fr', password: 12, displayName: ['x'] });
		expect(typed.status).toBe(400);
		expect(JSON.stringify(typed.body)).not.toMatch(/Invalid|Expected/);
	});

	it('answers malformed JSON with 400 and a body over 64 kB with 413', async () => {
		const c = new Client(server.url);
		const bad = await c.request('POST', '/api/auth/signup', '{"email":', { 'content-type': 'application/json' });
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe('malformed_json');
		const huge = await c.post('/api/auth/signup', { email: 'x@y.fr', password, displayName: 'x'.repeat(70_000) });
		expect(huge.status).toBe(413);
		expect(huge.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
	});
});

describe('login and logout', () => {
	it('logs in with any email case and rotates the token', async () => {
		const a = new Client(server.url);
		const user = await a.signup({ email: 'bob@exemple.fr' });
		const first = a.cookie;
		const b = new Client(server.url);
		const res = await b.post('/api/auth/login', { email: 'BOB@exemple.fr', password });
		expect(res.status).toBe(200);
		expect(res.body.user).toEqual({ id: user.id, displayName: 'Camille', kind: 'person' });
		expect(b.cookie).not.toBe(first);
		expect((await b.get('/api/me')).status).toBe(200);
	});

	it('gives the same 401 for a wrong password and an unknown email', async () => {
		await new Client(server.url).signup({ email: 'carole@exemple.fr' });
		const wrong = await new Client(server.url).post('/api/auth/login', { email: 'carole@exemple.fr', password: 'mauvais-mot-de-passe' });
		const unknown = await new Client(server.url).post('/api/auth/login', { email: 'personne@exemple.fr', password: 'mauvais-mot-de-passe' });
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(wrong.body).toEqual(unknown.body);
		expect(wrong.body.error.code).toBe('invalid_credentials');
	});

	it('logout deletes the session on the server', async () => {
		const c = new Client(server.url);
		await c.signup();
		const stolen = c.cookie;
		expect((await c.post('/api/auth/logout')).status).toBe(204);
		const replay = new Client(server.url);
		replay.cookie = stolen;
		expect((await replay.get('/api/me')).status).toBe(401);
	});

	it('answers 401 on /api/me without a session, in the error shape', async () => {
		const res = await new Client(server.url).get('/api/me');
		expect(res.status).toBe(401);
		expect(res.body.error.code).toBe('not_signed_in');
	});
});

describe('profile', () => {
	it('patches profile fields and shows the exact home only to its owner', async () => {
		const c = new Client(server.url);
		await c.signup();
		const res = await c.patch('/api/me', {
			displayName: 'Camille D.',
			bio: 'Jardinière',
			skills: ['Jardinage', 'compostage', 'jardinage'],
			discoverable: true,
			home: { lat: 45.766, lng: 4.8795 }
		});
		expect(res.status).toBe(200);
		expect(res.body.user).toMatchObject({
			displayName: 'Camille D.',
			bio: 'Jardinière',
			skills: ['jardinage', 'compostage'],
			discoverable: true,
			home: { lat: 45.766, lng: 4.8795 }
		});
		const cleared = await c.patch('/api/me', { home: null });
		expect(cleared.body.user.home).toBeNull();
	});

	it('rejects out-of-range coordinates and wrong types field by field', async () => {
		const c = new Client(server.url);
		await c.signup();
		const res = await c.patch('/api/me', { home: { lat: 91, lng: 0 }, discoverable: 'oui', skills: 'x' });
		expect(res.status).toBe(400);
		expect(Object.keys(res.body.error.fields).sort()).toEqual(['discoverable', 'home.lat', 'skills']);
	});
});

describe('process', () => {
	it('answers /healthz', async () => {
		const res = await new Client(server.url).get('/healthz');
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ ok: true });
	});
});
