/**
 * What a visitor without an account can read, and what crawlers get: the
 * public feed, the initiative page's server-rendered title/canonical/OpenGraph
 * (raw HTML, no JavaScript), /sitemap.xml, /robots.txt — and the members list
 * that needs a session.
 */
import { describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { body, expectError, useInitiativesServer } from './initiative-fixtures';

const { server, signedIn } = useInitiativesServer();

async function anInitiative(overrides: Record<string, unknown> = {}) {
	const { c, user } = await signedIn('Fondatrice Visible');
	const res = await c.post('/api/initiatives', body(overrides));
	expect(res.status).toBe(201);
	return { owner: c, user, initiative: res.body.initiative as { id: string; title: string } };
}

/** The value of `<meta property=NAME content=…>` or `<link rel=NAME href=…>` in raw HTML. */
function tag(html: string, attr: 'property' | 'name' | 'rel', name: string): string | undefined {
	const element = html.match(new RegExp(`<(?:meta|link)[^>]*${attr}="${name}"[^>]*>`))?.[0];
	return element?.match(/(?:content|href)="([^"]*)"/)?.[1];
}

describe('visitors (no session)', () => {
	it('read the proximity feed and an initiative, but not its members (401), and see no personal data', async () => {
		const { initiative, user } = await anInitiative({ title: 'Repair café des Pentes' });
		const visitor = new Client(server().url);
		const near = await visitor.get('/api/initiatives/near?lat=45.764&lng=4.8357&radiusKm=5');
		expect(near.status).toBe(200);
		expect(near.body.items.map((i: { id: string }) => i.id)).toContain(initiative.id);
		const one = await visitor.get(`/api/initiatives/${initiative.id}`);
		expect(one.body).toMatchObject({ viewerRole: null, initiative: { owner: { id: user.id, displayName: 'Fondatrice Visible' } } });
		expect(one.text).not.toMatch(/email|@exemple|home/);
		expectError(await visitor.get(`/api/initiatives/${initiative.id}/members`), 401);
		const { c } = await signedIn('Voisine');
		expect((await c.get(`/api/initiatives/${initiative.id}/members`)).status).toBe(200);
	});

	it('get the title, description, canonical link and OpenGraph tags in the raw HTML of an initiative page', async () => {
		const { initiative } = await anInitiative({
			title: 'Jardin « partagé » & potager',
			summary: 'Des bacs, des graines et des voisin·es.\nDeuxième ligne.'
		});
		const res = await new Client(server().url).get(`/initiatives/${initiative.id}`);
		expect(res.status).toBe(200);
		const html = res.text;
		const url = `${server().url}/initiatives/${initiative.id}`;
		expect(html).toContain('<title>Jardin « partagé » &amp; potager · Kohero</title>');
		expect(tag(html, 'rel', 'canonical')).toBe(url);
		expect(tag(html, 'property', 'og:url')).toBe(url);
		expect(tag(html, 'property', 'og:title')).toBe('Jardin « partagé » &amp; potager');
		expect(tag(html, 'property', 'og:description')).toBe('Des bacs, des graines et des voisin·es. Deuxième ligne.');
		expect(tag(html, 'property', 'og:type')).toBe('article');
		expect(tag(html, 'name', 'description')).toBe('Des bacs, des graines et des voisin·es. Deuxième ligne.');
		// Read-only for visitors: the way to join goes through sign-up and back here.
		expect(html).toContain(`/signup?next=%2Finitiatives%2F${initiative.id}&amp;join=1`);
	});

	it('a sitemap lists public initiatives, robots.txt keeps private paths out', async () => {
		const { initiative } = await anInitiative({ title: 'Atelier vélo' });
		const sitemap = await new Client(server().url).get('/sitemap.xml');
		expect(sitemap.status).toBe(200);
		expect(sitemap.headers.get('content-type')).toMatch(/xml/);
		expect(sitemap.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
		expect(sitemap.text).toContain(`<loc>${server().url}/initiatives/${initiative.id}</loc>`);
		expect(sitemap.text).not.toMatch(/people|profile|settings|@/);

		const robots = await new Client(server().url).get('/robots.txt');
		expect(robots.status).toBe(200);
		for (const path of ['/api/', '/people', '/profile', '/settings']) expect(robots.text).toContain(`Disallow: ${path}`);
		expect(robots.text).toContain(`Sitemap: ${server().url}/sitemap.xml`);
	});
});

describe('Voisin·es', () => {
	it('shows the bio a discoverable neighbour wrote, and an empty one for those who wrote none', async () => {
		const here = { lat: 44.84, lng: -0.58 };
		const { c: writer, user: writerUser } = await signedIn('Bio Écrite');
		await writer.patch('/api/me', { home: here, discoverable: true, bio: 'Je répare les vélos le samedi.', skills: ['réparation vélo'] });
		const { c: silent, user: silentUser } = await signedIn('Sans Bio');
		await silent.patch('/api/me', { home: { lat: here.lat + 0.02, lng: here.lng }, discoverable: true });
		const { c: looker } = await signedIn('Curieuse');
		const res = await looker.get(`/api/people/near?lat=${here.lat}&lng=${here.lng}&radiusKm=5`);
		expect(res.status).toBe(200);
		const byId = new Map(res.body.items.map((i: { user: { id: string } }) => [i.user.id, i.user]));
		expect(byId.get(writerUser.id)).toMatchObject({ bio: 'Je répare les vélos le samedi.' });
		expect((byId.get(silentUser.id) as { bio?: string } | undefined)?.bio ?? '').toBe('');
	});
});
