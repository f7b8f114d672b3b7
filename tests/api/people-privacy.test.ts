/**
 * API.md "Privacy of homes": people search sees only a blurred home, drawn
 * 0.5–1.5 km from the real one when the home is set and again only when it
 * moves; searches are limited per person. Also: skills match words, items
 * carry the bio.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';
import { withDb } from '../relay/helpers';
import { haversineKm } from '../../src/lib/domain/geo';
import { destination } from '../../src/lib/domain/home-blur';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.dispose();
});

type Point = { lat: number; lng: number };
/** Each test lives in its own town, 50 km from the others. */
const town = (n: number): Point => destination({ lat: 45.764, lng: 4.8357 }, 50 * n, 1);

async function person(name: string, profile: Record<string, unknown>) {
	const c = new Client(server.url);
	const user = await c.signup({ displayName: name });
	expect((await c.patch('/api/me', profile)).status).toBe(200);
	return { c, user };
}

/** The blurred home the server stored for `userId` (null when none). */
function storedBlur(userId: string): Point | null {
	const row = withDb(server.dataDir, (sqlite) =>
		sqlite.prepare('SELECT home_blur_lat AS lat, home_blur_lng AS lng FROM users WHERE id = ?').get(userId)
	) as { lat: number | null; lng: number | null };
	return row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng };
}

const listedIds = async (viewer: Client, at: Point, radiusKm: number) =>
	((await viewer.get(`/api/people/near?lat=${at.lat}&lng=${at.lng}&radiusKm=${radiusKm}`)).body.items as { user: { id: string } }[]).map(
		(item) => item.user.id
	);

describe('blurred homes', () => {
	it('filters and measures from a point 0.5–1.5 km from the home, never from the home', async () => {
		const home = town(1);
		const target = await person('Cible', { discoverable: true, home });
		const viewer = await person('Voisin', {});
		const blur = storedBlur(target.user.id);
		expect(blur).not.toBeNull();
		const km = haversineKm(home.lat, home.lng, blur!.lat, blur!.lng);
		expect(km).toBeGreaterThanOrEqual(0.499);
		expect(km).toBeLessThanOrEqual(1.501);
		// Standing on the home, 400 m finds nobody; standing on the blurred point, 10 m finds them.
		expect(await listedIds(viewer.c, home, 0.4)).not.toContain(target.user.id);
		expect(await listedIds(viewer.c, blur!, 0.01)).toContain(target.user.id);
		// The distance shown is the blurred one, rounded.
		const far = destination(blur!, 6.2, 0);
		const res = await viewer.c.get(`/api/people/near?lat=${far.lat}&lng=${far.lng}&radiusKm=10`);
		const item = res.body.items.find((i: { user: { id: string } }) => i.user.id === target.user.id);
		expect(item.distanceKm).toBe(6);
	});

	it('draws the blur again only when the home moves, and clears it with the home', async () => {
		const home = town(2);
		const { c, user } = await person('Mobile', { discoverable: true, home });
		const first = storedBlur(user.id);
		expect(first).not.toBeNull();
		await c.patch('/api/me', { home: { ...home } });
		await c.patch('/api/me', { bio: 'Toujours là', skills: ['couture'] });
		expect(storedBlur(user.id)).toEqual(first);

		const moved = destination(home, 3, 2);
		await c.patch('/api/me', { home: moved });
		const second = storedBlur(user.id);
		expect(second).not.toEqual(first);
		const km = haversineKm(moved.lat, moved.lng, second!.lat, second!.lng);
		expect(km).toBeGreaterThanOrEqual(0.499);
		expect(km).toBeLessThanOrEqual(1.501);

		await c.patch('/api/me', { home: null });
		expect(storedBlur(user.id)).toBeNull();
		const viewer = await person('Témoin', {});
		expect(await listedIds(viewer.c, moved, 5)).not.toContain(user.id);
	});
});

describe('search limit', () => {
	it('answers 600 people searches an hour, then 429 with Retry-After; others still search', async () => {
		const greedy = await person('Pressé', {});
		const at = town(3);
		for (let batch = 0; batch < 20; batch++) {
			const statuses = await Promise.all(
				Array.from({ length: 30 }, () => greedy.c.get(`/api/people/near?lat=${at.lat}&lng=${at.lng}`).then((r) => r.status))
			);
			expect(statuses.every((s) => s === 200)).toBe(true);
		}
		const refused = await greedy.c.get(`/api/people/near?lat=${at.lat}&lng=${at.lng}`);
		expect(refused.status).toBe(429);
		expect(refused.body.error.code).toBe('too_many_requests');
		const wait = Number(refused.headers.get('retry-after'));
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(3600);
		const other = await person('Patient', {});
		expect((await other.c.get(`/api/people/near?lat=${at.lat}&lng=${at.lng}`)).status).toBe(200);
	}, 120_000);
});

describe('skills and bio', () => {
	it('finds a word inside a skill, without accents, and shows the bio', async () => {
		const home = town(4);
		const bruno = await person('Bruno', { discoverable: true, home, skills: ['réparation vélo'], bio: 'Atelier vélo le samedi.' });
		const viewer = await person('Cycliste', {});
		const search = async (skill: string) =>
			(await viewer.c.get(`/api/people/near?lat=${home.lat}&lng=${home.lng}&skill=${encodeURIComponent(skill)}`)).body.items as {
				user: { id: string; bio: string };
			}[];
		for (const skill of ['vélo', 'velo', 'Réparation', 'réparation vélo']) {
			expect((await search(skill)).map((i) => i.user.id)).toEqual([bruno.user.id]);
		}
		expect(await search('vél')).toEqual([]);
		expect((await search('vélo'))[0].user.bio).toBe('Atelier vélo le samedi.');
	});
});
