/** API.md Initiatives: the proximity feed (order, radius, filters, cursor) and the GeoJSON export. */
import { describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { body, expectError, KM_PER_DEG_LAT, useInitiativesServer } from './initiative-fixtures';

const { server: currentServer, signedIn, freshCentre } = useInitiativesServer();
/** Keeps client-chosen ids unique across runs on a reused data directory. */
const seq = Math.random().toString(36).slice(2, 8);

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

		const res = await new Client(currentServer().url).get(`/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}`);
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
		const res = await new Client(currentServer().url).get(`/api/initiatives/near?${query}`);
		expectError(res, 400);
		expect(Object.keys(res.body.error.fields).sort()).toEqual(fields);
	});

	it('accepts the limits of the ranges', async () => {
		for (const query of ['radiusKm=200&limit=100', 'radiusKm=0.001&limit=1']) {
			expect((await new Client(currentServer().url).get(`/api/initiatives/near?lat=45&lng=4&${query}`)).status).toBe(200);
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
		const res = await new Client(currentServer().url).get(`/api/initiatives.geojson?bbox=${bbox}`);
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
		const res = await new Client(currentServer().url).get('/api/initiatives.geojson?bbox=179.9,-18,-179.9,-17');
		const ids = res.body.features.map((f: any) => f.properties.id).sort();
		expect(ids).toEqual([east.id, west.id].sort());
		const near = await c.get('/api/initiatives/near?lat=-17.7&lng=179.99&radiusKm=20');
		expect(near.body.items.map((i: any) => i.id)).toEqual([east.id, west.id]);
	});

	it.each(['1,2,3', 'a,b,c,d', '0,50,10,40', '0,-91,10,0', '-181,0,0,10', '1,2,3,4,5'])('answers 400 for bbox=%s', async (bbox) => {
		const res = await new Client(currentServer().url).get(`/api/initiatives.geojson?bbox=${bbox}`);
		expectError(res, 400);
		expect(res.body.error.fields).toHaveProperty('bbox');
	});
});
