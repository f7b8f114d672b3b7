/**
 * API.md "Edges": the cross-site check on the decoded path, /metrics behind
 * no proxy, short texts without control/bidi/invisible-only characters, JSON
 * bodies of the wrong type, and no caching of personal responses.
 */
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

async function signedIn(): Promise<Client> {
	const client = new Client(server.url);
	await client.signup();
	return client;
}

describe('edges', () => {
	it.each(['/%61pi/me', '/%61%70%69/me', '/api/me'])('a cross-site write to %s is refused (403), nothing changes', async (path) => {
		const client = await signedIn();
		const res = await client.request('PATCH', path, { displayName: 'Piégé' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
		expect(res.status).toBe(403);
		expect((await client.get('/api/me')).body.user.displayName).toBe('Camille');
	});

	it.each([
		['X-Real-IP', '203.0.113.9'],
		['Forwarded', 'for=203.0.113.9'],
		['X-Forwarded-For', '203.0.113.9']
	])('/metrics refuses a request carrying %s', async (name, value) => {
		expect((await fetch(`${server.url}/metrics`, { headers: { [name]: value } })).status).toBe(404);
		expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
	});

	it.each([
		['NUL', 'Ali\u0000ce'],
		['a line break', 'Ali\nce'],
		['U+202E', 'alice\u202Eecila'],
		['U+2066', '\u2066alice'],
		['only invisible characters', '\u200B\u200D\uFEFF']
	])('a display name with %s is refused (400, French), nothing stored', async (_what, displayName) => {
		const client = await signedIn();
		const res = await client.patch('/api/me', { displayName });
		expect(res.status).toBe(400);
		expect(res.body.error.fields.displayName).toMatch(/caractères interdits/);
		expect((await client.get('/api/me')).body.user.displayName).toBe('Camille');
	});

	it('skills, titles and place names refuse them too; ordinary accents and emoji pass', async () => {
		const client = await signedIn();
		expect((await client.patch('/api/me', { skills: ['jardinage\u202E'] })).status).toBe(400);
		const base = { title: 'Jardin partagé 🌱', summary: '', category: 'food', lat: 45.76, lng: 4.83, placeName: 'Lyon – Croix-Rousse' };
		expect((await client.post('/api/initiatives', { ...base, title: 'Jardin\u0000' })).status).toBe(400);
		expect((await client.post('/api/initiatives', { ...base, placeName: '\u200B' })).status).toBe(400);
		expect((await client.post('/api/initiatives', base)).status).toBe(201);
		expect((await client.patch('/api/me', { displayName: 'Zoë Müller-Ñúñez' })).status).toBe(200);
	});

	it.each([['[]'], ['"texte"'], ['42'], ['null']])('a JSON body %s where an object is expected → 400', async (body) => {
		const client = await signedIn();
		const res = await client.request('PATCH', '/api/me', body);
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe('invalid_input');
	});

	it('responses to a signed-in person are Cache-Control: private, no-store (pages, __data.json, /api/me)', async () => {
		const client = await signedIn();
		for (const path of ['/api/me', '/', '/__data.json', '/profile']) {
			const res = await client.get(path);
			expect(res.headers.get('cache-control'), path).toBe('private, no-store');
		}
	});
});
