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

const LYON = { lat: 45.764, lng: 4.8357 };
/** 1° of latitude on the 6371.0088 km sphere. */
const KM_PER_DEG_LAT = (Math.PI * 6371.0088) / 180;

async function signedIn(name = 'Camille') {
	const c = new Client(server.url);
	const user = await c.signup({ displayName: name });
	return { c, user };
}

let seq = 0;
/** A fresh, unique place far from the others so each test has its own neighbourhood. */
function freshCentre() {
	seq += 1;
	return { lat: -40 + seq * 0.7, lng: 30 + seq * 0.9 };
}

function body(overrides: Record<string, unknown> = {}) {
	return { title: 'Compost partagé', summary: 'Un bac pour le quartier.', category: 'environment', ...LYON, placeName: 'Lyon', ...overrides };
}

function expectError(res: { status: number; body: any }, status: number) {
	expect(res.status).toBe(status);
	expect(res.body.error).toMatchObject({ code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) });
}

describe('create and read', () => {
	it('creates with a server id, makes the creator owner with memberCount 1', async () => {
		const { c, user } = await signedIn('Inès');
		const res = await c.post('/api/initiatives', body());
		expect(res.status).toBe(201);
		const i = res.body.initiative;
		expect(i).toMatchObject({
			title: 'Compost partagé',
			summary: 'Un bac pour le quartier.',
			category: 'environment',
			lat: LYON.lat,
			lng: LYON.lng,
			placeName: 'Lyon',
			memberCount: 1,
			owner: { id: user.id, displayName: 'Inès', kind: 'person' }
		});
		expect(i.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
		expect(new Date(i.createdAt).toISOString()).toBe(i.createdAt);
		expect(new Date(i.updatedAt).toISOString()).toBe(i.updatedAt);

		const got = await c.get(`/api/initiatives/${i.id}`);
		expect(got.status).toBe(200);
		expect(got.body).toEqual({ initiative: i, viewerRole: 'owner' });
		const anonymous = await new Client(server.url).get(`/api/initiatives/${i.id}`);
		expect(anonymous.body.viewerRole).toBeNull();
	});

	it('is idempotent on a client-chosen id for the same user, 409 for another', async () => {
		const { c } = await signedIn();
		const id = `offline-${Date.now()}`;
		const first = await c.post('/api/initiatives', body({ id }));
		expect(first.status).toBe(201);
		const again = await c.post('/api/initiatives', body({ id }));
		expect(again.status).toBe(200);
		expect(again.body.initiative).toEqual(first.body.initiative);
		const members = await c.get(`/api/initiatives/${id}/members`);
		expect(members.body.items).toHaveLength(1);

		const { c: other } = await signedIn('Autre');
		expectError(await other.post('/api/initiatives', body({ id })), 409);
		expect((await c.get(`/api/initiatives/${id}`)).body.initiative.owner.displayName).toBe('Camille');
	});

	it('requires a session to create (401) and names each invalid field (400)', async () => {
		expectError(await new Client(server.url).post('/api/initiatives', body()), 401);
		const { c } = await signedIn();
		const res = await c.post('/api/initiatives', {
			id: 'court',
			title: 'ab',
			summary: 'x'.repeat(2001),
			category: 'sport',
			lat: 91,
			lng: 'est'
		});
		expectError(res, 400);
		expect(Object.keys(res.body.error.fields).sort()).toEqual(['category', 'id', 'lat', 'lng', 'summary', 'title']);
	});

	it('answers 404 in the error shape for unknown or impossible ids', async () => {
		expectError(await new Client(server.url).get('/api/initiatives/inconnue-123'), 404);
		expectError(await new Client(server.url).get('/api/initiatives/a'), 404);
		expectError(await new Client(server.url).get('/api/initiatives/inconnue-123/members'), 404);
		const { c } = await signedIn();
		expectError(await c.post('/api/initiatives/inconnue-123/join'), 404);
		expectError(await c.patch('/api/initiatives/inconnue-123', { title: 'Nouveau titre' }), 404);
	});

	it('stores SQL and markup in text fields as plain text', async () => {
		const { c } = await signedIn();
		const title = `Robert'); DROP TABLE initiatives;-- <script>alert(1)</script>`;
		const res = await c.post('/api/initiatives', body({ title, summary: '" OR 1=1 --' }));
		expect(res.status).toBe(201);
		expect(res.body.initiative.title).toBe(title);
		expect((await c.get(`/api/initiatives/${res.body.initiative.id}`)).body.initiative.summary).toBe('" OR 1=1 --');
	});
});

describe('patch', () => {
	it('lets the owner and admins edit, 403 for others, 401 without session', async () => {
		const { c: owner } = await signedIn('Owner');
		const { initiative } = (await owner.post('/api/initiatives', body())).body;
		const res = await owner.patch(`/api/initiatives/${initiative.id}`, { title: 'Grand compost', lat: 45.75 });
		expect(res.status).toBe(200);
		expect(res.body.initiative).toMatchObject({ title: 'Grand compost', lat: 45.75, summary: initiative.summary });
		expect(res.body.initiative.updatedAt >= initiative.updatedAt).toBe(true);

		const { c: stranger, user: strangerUser } = await signedIn('Stranger');
		expectError(await stranger.patch(`/api/initiatives/${initiative.id}`, { title: 'Piraté' }), 403);
		await stranger.post(`/api/initiatives/${initiative.id}/join`);
		expectError(await stranger.patch(`/api/initiatives/${initiative.id}`, { title: 'Piraté' }), 403);
		expectError(await new Client(server.url).patch(`/api/initiatives/${initiative.id}`, { title: 'Piraté' }), 401);

		const promoted = await owner.post(`/api/initiatives/${initiative.id}/members/${strangerUser.id}/role`, { role: 'admin' });
		expect(promoted.status).toBe(200);
		expect(promoted.body).toEqual({ role: 'admin' });
		const byAdmin = await stranger.patch(`/api/initiatives/${initiative.id}`, { summary: 'Par une admin' });
		expect(byAdmin.status).toBe(200);
		expect(byAdmin.body.initiative.summary).toBe('Par une admin');
		expectError(await owner.patch(`/api/initiatives/${initiative.id}`, { category: 'sport' }), 400);
	});
});

describe('membership', () => {
	it('join is idempotent, counts members, leave returns null, last owner cannot leave', async () => {
		const { c: owner, user: ownerUser } = await signedIn('Owner');
		const { initiative } = (await owner.post('/api/initiatives', body())).body;
		const path = `/api/initiatives/${initiative.id}`;
		const { c: member, user: memberUser } = await signedIn('Member');

		expect((await member.post(`${path}/join`)).body).toEqual({ role: 'member' });
		const twice = await member.post(`${path}/join`);
		expect(twice.status).toBe(200);
		expect(twice.body).toEqual({ role: 'member' });
		expect((await member.get(path)).body).toMatchObject({ viewerRole: 'member', initiative: { memberCount: 2 } });

		const members = (await new Client(server.url).get(`${path}/members`)).body.items;
		expect(members).toEqual([
			{ user: { id: ownerUser.id, displayName: 'Owner', kind: 'person' }, role: 'owner', joinedAt: expect.any(String) },
			{ user: { id: memberUser.id, displayName: 'Member', kind: 'person' }, role: 'member', joinedAt: expect.any(String) }
		]);

		// The owner "joining" keeps their role.
		expect((await owner.post(`${path}/join`)).body).toEqual({ role: 'owner' });

		const left = await member.post(`${path}/leave`);
		expect(left.status).toBe(200);
		expect(left.body).toEqual({ role: null });
		expect((await member.post(`${path}/leave`)).body).toEqual({ role: null });
		expect((await member.get(path)).body).toMatchObject({ viewerRole: null, initiative: { memberCount: 1 } });

		const res = await owner.post(`${path}/leave`);
		expectError(res, 409);
		expect((await owner.get(path)).body.viewerRole).toBe('owner');
		expectError(await new Client(server.url).post(`${path}/join`), 401);
	});

	it('only the owner changes roles; lists my initiatives with roles', async () => {
		const { c: owner } = await signedIn('Owner');
		const { initiative } = (await owner.post('/api/initiatives', body({ title: 'Repair café' }))).body;
		const path = `/api/initiatives/${initiative.id}`;
		const { c: member, user: memberUser } = await signedIn('Member');
		await member.post(`${path}/join`);
		expectError(await member.post(`${path}/members/${memberUser.id}/role`, { role: 'admin' }), 403);
		expectError(await owner.post(`${path}/members/${memberUser.id}/role`, { role: 'founder' }), 400);
		expectError(await owner.post(`${path}/members/inconnu-12345/role`, { role: 'admin' }), 404);
		await owner.post(`${path}/members/${memberUser.id}/role`, { role: 'admin' });
		expect((await member.post(`${path}/join`)).body).toEqual({ role: 'admin' });

		const mine = await member.get('/api/me/initiatives');
		expect(mine.status).toBe(200);
		expect(mine.body.items).toEqual([{ ...(await owner.get(path)).body.initiative, role: 'admin' }]);
		expectError(await new Client(server.url).get('/api/me/initiatives'), 401);
	});

	it('lets the owner hand over: a co-owner is named, the founder leaves, the co-owner is shown as owner', async () => {
		const { c: founder, user: founderUser } = await signedIn('Fondatrice');
		const { initiative } = (await founder.post('/api/initiatives', body({ title: 'Jardin des Pentes' }))).body;
		const path = `/api/initiatives/${initiative.id}`;
		const { c: next, user: nextUser } = await signedIn('Relève');
		await next.post(`${path}/join`);
		expectError(await next.post(`${path}/members/${founderUser.id}/role`, { role: 'member' }), 403);
		expect((await founder.post(`${path}/members/${nextUser.id}/role`, { role: 'owner' })).body).toEqual({ role: 'owner' });
		// An owner's role is not lowered through this endpoint: an owner steps down by leaving.
		expectError(await next.post(`${path}/members/${founderUser.id}/role`, { role: 'member' }), 409);
		expect((await founder.post(`${path}/leave`)).body).toEqual({ role: null });
		const after = (await next.get(path)).body;
		expect(after.viewerRole).toBe('owner');
		expect(after.initiative.owner.id).toBe(nextUser.id);
		expect(after.initiative.memberCount).toBe(1);
		expectError(await next.post(`${path}/leave`), 409);
	});
});

describe('near', () => {
	it('sorts by distance, keeps the radius edge exact, ties by id, needs no session', async () => {
		const { c } = await signedIn();
		const centre = freshCentre();
		// Straight north of the centre, distance = Δlat × KM_PER_DEG_LAT exactly.
		const at = (km: number) => ({ lat: centre.lat + km / KM_PER_DEG_LAT, lng: centre.lng });
		const made: Record<string, string> = {};
		for (const [name, km] of [
			['far', 7],
			['near', 1],
			['inside', 9.99],
			['outside', 10.01],
			['mid', 4]
		] as const) {
			made[name] = (await c.post('/api/initiatives', body({ title: `Point ${name}`, ...at(km) }))).body.initiative.id;
		}
		const twinA = (await c.post('/api/initiatives', body({ id: `twin-a-${seq}-xyz`, title: 'Jumeau A', ...at(2) }))).body.initiative;
		const twinB = (await c.post('/api/initiatives', body({ id: `twin-b-${seq}-xyz`, title: 'Jumeau B', ...at(2) }))).body.initiative;

		const res = await new Client(server.url).get(`/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}`);
		expect(res.status).toBe(200);
		expect(res.body.nextCursor).toBeNull();
		const ids = res.body.items.map((i: any) => i.id);
		expect(ids).toEqual([made.near, twinA.id, twinB.id, made.mid, made.far, made.inside]);
		const distances = res.body.items.map((i: any) => i.distanceKm);
		expect(distances[0]).toBeCloseTo(1, 2);
		expect(distances[5]).toBeCloseTo(9.99, 2);
		expect(res.body.items[0]).toMatchObject({ title: 'Point near', memberCount: 1, owner: { displayName: 'Camille' } });

		const wider = await c.get(`/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}&radiusKm=10.02&category=&q=&cursor=`);
		expect(wider.body.items.map((i: any) => i.id)).toContain(made.outside);
		const narrow = await c.get(`/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}&radiusKm=1.5`);
		expect(narrow.body.items.map((i: any) => i.id)).toEqual([made.near]);
	});

	it('filters by category and by French text, accents and case ignored', async () => {
		const { c } = await signedIn();
		const centre = freshCentre();
		const at = { lat: centre.lat + 0.01, lng: centre.lng };
		const ecole = (await c.post('/api/initiatives', body({ title: 'Vélo-École du quartier', category: 'mobility', ...at }))).body.initiative;
		const jardin = (await c.post('/api/initiatives', body({ title: 'Jardin partagé', summary: 'Près de l’ÉCOLE Jules-Ferry', category: 'food', ...at }))).body.initiative;
		const amap = (await c.post('/api/initiatives', body({ title: 'AMAP des Pentes', summary: 'Paniers bio', category: 'food', placeName: 'Saint-Étienne', ...at }))).body.initiative;
		const near = (query: string) => c.get(`/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}&${query}`);
		const ids = (res: any) => res.body.items.map((i: any) => i.id).sort();

		expect(ids(await near('q=ecole'))).toEqual([ecole.id, jardin.id].sort());
		expect(ids(await near('q=ECOLE'))).toEqual([ecole.id, jardin.id].sort());
		expect(ids(await near('q=%C3%A9cole&category=mobility'))).toEqual([ecole.id]);
		expect(ids(await near('category=food'))).toEqual([jardin.id, amap.id].sort());
		expect(ids(await near('q=jardin'))).toEqual([jardin.id]);
		// The last word matches as a prefix (the feed searches as the person types), earlier ones whole.
		expect(ids(await near('q=jard'))).toEqual([jardin.id]);
		expect(ids(await near('q=eco'))).toEqual([ecole.id, jardin.id].sort());
		expect(ids(await near('q=JARDIN%20PART'))).toEqual([jardin.id]);
		expect(ids(await near('q=jard%20partage'))).toEqual([]);
		expect(ids(await near('q=velo%20ec'))).toEqual([]); // two letters: whole words only
		expect(ids(await near('q=jardina'))).toEqual([]);
		expect(ids(await near('q=saint%20etienne'))).toEqual([amap.id]);
		expect(ids(await near('q=velo%20ecole'))).toEqual([ecole.id]);
		expect(ids(await near('q=piscine'))).toEqual([]);
	});

	it('treats SQL and FTS syntax in q as plain words, never an error', async () => {
		const { c } = await signedIn();
		const centre = freshCentre();
		const compost = (await c.post('/api/initiatives', body({ title: 'Compost OR rien', lat: centre.lat, lng: centre.lng }))).body.initiative;
		for (const q of [
			"'; DROP TABLE initiatives; --",
			'" OR 1=1 --',
			'compost OR',
			'NEAR(compost rien)',
			'title:compost',
			'*',
			'"',
			'^compost',
			'compost AND NOT',
			'()',
			'\\',
			'%00'
		]) {
			const res = await c.get(`/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}&q=${encodeURIComponent(q)}`);
			expect(res.status, q).toBe(200);
			expect(Array.isArray(res.body.items)).toBe(true);
		}
		const or = await c.get(`/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}&q=${encodeURIComponent('compost OR')}`);
		expect(or.body.items.map((i: any) => i.id)).toEqual([compost.id]);
		expect((await c.get('/api/initiatives/near?lat=0&lng=0')).status).toBe(200);
	});

	it('pages with a cursor over 3 pages: no repeat, no gap, same order', async () => {
		const { c } = await signedIn();
		const centre = freshCentre();
		// 25 points, some at equal distance (ties broken by id).
		for (let k = 0; k < 25; k++) {
			const km = 0.3 * Math.floor(k / 2) + 0.1;
			const lat = centre.lat + km / KM_PER_DEG_LAT;
			await c.post('/api/initiatives', body({ id: `page-${seq}-${String(k).padStart(3, '0')}`, title: `Page ${k}`, lat, lng: centre.lng }));
		}
		const base = `/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}`;
		const full = (await c.get(`${base}&limit=100`)).body.items.map((i: any) => i.id);
		expect(full).toHaveLength(25);

		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const res: any = await c.get(`${base}&limit=10${cursor ? `&cursor=${cursor}` : ''}`);
			expect(res.status).toBe(200);
			seen.push(...res.body.items.map((i: any) => i.id));
			cursor = res.body.nextCursor;
			pages += 1;
		} while (cursor);
		expect(pages).toBe(3);
		expect(seen).toEqual(full);
		expect(new Set(seen).size).toBe(25);
		const d = (await c.get(`${base}&limit=100`)).body.items.map((i: any) => i.distanceKm);
		expect([...d].sort((a, b) => a - b)).toEqual(d);
	});

	it('refuses a cursor from another query or a forged one', async () => {
		const { c } = await signedIn();
		const centre = freshCentre();
		for (let k = 0; k < 3; k++) await c.post('/api/initiatives', body({ lat: centre.lat + k * 0.001, lng: centre.lng }));
		const first = await c.get(`/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}&limit=1`);
		const cursor = first.body.nextCursor;
		expect(typeof cursor).toBe('string');
		const elsewhere = await c.get(`/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}&limit=1&category=food&cursor=${cursor}`);
		expectError(elsewhere, 400);
		expect(elsewhere.body.error.fields).toHaveProperty('cursor');
		expectError(await c.get(`/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}&cursor=n%27importe-quoi`), 400);
	});

	it.each([
		['', ['lat', 'lng']],
		['lat=45', ['lng']],
		['lat=abc&lng=4', ['lat']],
		['lat=91&lng=4', ['lat']],
		['lat=45&lng=-180.5', ['lng']],
		['lat=Infinity&lng=NaN', ['lat', 'lng']],
		['lat=45&lng=4&radiusKm=0', ['radiusKm']],
		['lat=45&lng=4&radiusKm=200.1', ['radiusKm']],
		['lat=45&lng=4&radiusKm=-3', ['radiusKm']],
		['lat=45&lng=4&limit=0', ['limit']],
		['lat=45&lng=4&limit=101', ['limit']],
		['lat=45&lng=4&limit=2.5', ['limit']],
		['lat=45&lng=4&category=sport', ['category']]
	])('answers 400 naming the bad fields for ?%s', async (query, fields) => {
		const res = await new Client(server.url).get(`/api/initiatives/near?${query}`);
		expectError(res, 400);
		expect(Object.keys(res.body.error.fields).sort()).toEqual(fields);
	});

	it('accepts the limits of the ranges', async () => {
		for (const query of ['radiusKm=200&limit=100', 'radiusKm=0.001&limit=1']) {
			expect((await new Client(server.url).get(`/api/initiatives/near?lat=45&lng=4&${query}`)).status).toBe(200);
		}
	});
});

describe('geojson', () => {
	it('is a FeatureCollection of points in the box, with the open-data properties', async () => {
		const { c } = await signedIn();
		const centre = freshCentre();
		const inside = (await c.post('/api/initiatives', body({ title: 'Dans la boîte', lat: centre.lat, lng: centre.lng }))).body.initiative;
		await c.post('/api/initiatives', body({ title: 'Hors de la boîte', lat: centre.lat + 1, lng: centre.lng }));
		const bbox = [centre.lng - 0.1, centre.lat - 0.1, centre.lng + 0.1, centre.lat + 0.1].join(',');
		const res = await new Client(server.url).get(`/api/initiatives.geojson?bbox=${bbox}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
		expect(res.body).toEqual({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					geometry: { type: 'Point', coordinates: [centre.lng, centre.lat] },
					properties: { id: inside.id, title: 'Dans la boîte', category: 'environment', memberCount: 1 }
				}
			]
		});
	});

	it('handles a box across the antimeridian', async () => {
		const { c } = await signedIn();
		const east = (await c.post('/api/initiatives', body({ title: 'Fidji est', lat: -17.7, lng: 179.95 }))).body.initiative;
		const west = (await c.post('/api/initiatives', body({ title: 'Fidji ouest', lat: -17.7, lng: -179.95 }))).body.initiative;
		const res = await new Client(server.url).get('/api/initiatives.geojson?bbox=179.9,-18,-179.9,-17');
		const ids = res.body.features.map((f: any) => f.properties.id).sort();
		expect(ids).toEqual([east.id, west.id].sort());
		const near = await c.get('/api/initiatives/near?lat=-17.7&lng=179.99&radiusKm=20');
		expect(near.body.items.map((i: any) => i.id)).toEqual([east.id, west.id]);
	});

	it.each(['1,2,3', 'a,b,c,d', '0,50,10,40', '0,-91,10,0', '-181,0,0,10', '1,2,3,4,5'])('answers 400 for bbox=%s', async (bbox) => {
		const res = await new Client(server.url).get(`/api/initiatives.geojson?bbox=${bbox}`);
		expectError(res, 400);
		expect(res.body.error.fields).toHaveProperty('bbox');
	});
});
