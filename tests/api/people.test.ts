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

const KM_PER_DEG_LAT = (Math.PI * 6371.0088) / 180;
/** A neighbourhood of its own, far from other tests' people. */
const CENTRE = { lat: 45.764, lng: 4.8357 };

async function person(name: string, profile: Record<string, unknown>) {
	const c = new Client(server.url);
	const user = await c.signup({ displayName: name });
	const res = await c.patch('/api/me', profile);
	expect(res.status).toBe(200);
	return { c, user };
}

const north = (km: number, lngOffset = 0) => ({ lat: CENTRE.lat + km / KM_PER_DEG_LAT, lng: CENTRE.lng + lngOffset });

describe('people nearby', () => {
	it('lists discoverable people with a home, rounded blurred distances, never their coordinates', async () => {
		// Far enough apart that their blurred homes (0.5–1.5 km off) keep the order.
		const homes = {
			ana: { lat: 45.76512345, lng: 4.83681234 }, // ~140 m
			bruno: north(3.8, 0.00012345),
			chloe: north(7.3, 0.00023456),
			far: north(12)
		};
		const ana = await person('Ana', { discoverable: true, home: homes.ana, skills: ['Jardinage', 'couture'] });
		const bruno = await person('Bruno', { discoverable: true, home: homes.bruno, skills: ['réparation vélo'] });
		const chloe = await person('Chloé', { discoverable: true, home: homes.chloe, skills: ['jardinage'] });
		await person('Hidden', { discoverable: false, home: north(1), skills: ['jardinage'] });
		await person('Homeless', { discoverable: true, skills: ['jardinage'] });
		await person('Far', { discoverable: true, home: homes.far, skills: ['jardinage'] });
		const viewer = await person('Viewer', { discoverable: true, home: CENTRE });

		const res = await viewer.c.get(`/api/people/near?lat=${CENTRE.lat}&lng=${CENTRE.lng}`);
		expect(res.status).toBe(200);
		expect(res.body.items.map((i: any) => i.user)).toEqual([
			{ id: ana.user.id, displayName: 'Ana', kind: 'person', skills: ['jardinage', 'couture'], bio: '' },
			{ id: bruno.user.id, displayName: 'Bruno', kind: 'person', skills: ['réparation vélo'], bio: '' },
			{ id: chloe.user.id, displayName: 'Chloé', kind: 'person', skills: ['jardinage'], bio: '' }
		]);
		// Each distance is the exact one moved by the blur (0.5–1.5 km), then rounded to 0.5.
		const exact = [0.14, 3.8, 7.3];
		res.body.items.forEach((item: any, i: number) => {
			expect(item.distanceKm).toBeGreaterThanOrEqual(Math.max(0.5, exact[i] - 1.75));
			expect(item.distanceKm).toBeLessThanOrEqual(exact[i] + 1.75);
		});
		for (const item of res.body.items) {
			expect(Number.isInteger(item.distanceKm * 2)).toBe(true);
			expect(item.distanceKm).toBeGreaterThanOrEqual(0.5);
			expect(Object.keys(item)).toEqual(['user', 'distanceKm']);
		}
		// No digits of any home coordinate appear anywhere in the answer.
		for (const home of Object.values(homes)) {
			expect(res.text).not.toContain(String(home.lat).slice(0, 7));
			expect(res.text).not.toContain(String(home.lng).slice(0, 7));
		}
		expect(res.text).not.toMatch(/home|lat|lng/i);

		const wider = await viewer.c.get(`/api/people/near?lat=${CENTRE.lat}&lng=${CENTRE.lng}&radiusKm=15`);
		expect(wider.body.items.map((i: any) => i.user.displayName)).toEqual(['Ana', 'Bruno', 'Chloé', 'Far']);
	});

	it('filters by skill, case- and accent-insensitive, on whole words of a tag', async () => {
		const viewer = await person('Viewer2', {});
		const names = async (skill: string) =>
			(await viewer.c.get(`/api/people/near?lat=${CENTRE.lat}&lng=${CENTRE.lng}&skill=${encodeURIComponent(skill)}`)).body.items.map(
				(i: any) => i.user.displayName
			);
		expect(await names('JARDINAGE')).toEqual(['Ana', 'Chloé']);
		expect(await names('Reparation Velo')).toEqual(['Bruno']);
		expect(await names('vélo')).toEqual(['Bruno']);
		expect(await names('jardin')).toEqual([]);
		expect(await names("' OR 1=1 --")).toEqual([]);
	});

	it('requires a session and valid parameters', async () => {
		const anonymous = await new Client(server.url).get(`/api/people/near?lat=${CENTRE.lat}&lng=${CENTRE.lng}`);
		expect(anonymous.status).toBe(401);
		expect(anonymous.body.error.code).toBe('not_signed_in');
		const { c } = await person('Viewer3', {});
		for (const [query, fields] of [
			['lng=4', ['lat']],
			['lat=45&lng=200', ['lng']],
			['lat=45&lng=4&radiusKm=0', ['radiusKm']],
			['lat=45&lng=4&radiusKm=500', ['radiusKm']]
		] as const) {
			const res = await c.get(`/api/people/near?${query}`);
			expect(res.status).toBe(400);
			expect(Object.keys(res.body.error.fields)).toEqual(fields);
		}
	});

	it('shows the exact home only on the owner’s own /api/me', async () => {
		const home = { lat: 45.7701234, lng: 4.8501234 };
		const ana = await person('Owner of home', { discoverable: true, home });
		expect((await ana.c.get('/api/me')).body.user.home).toEqual(home);
		const other = await person('Curious', {});
		const res = await other.c.get(`/api/people/near?lat=${CENTRE.lat}&lng=${CENTRE.lng}`);
		expect(res.text).not.toContain('7701234');
		expect(res.text).not.toContain('8501234');
	});
});
