/**
 * The attack API.md's privacy section rules out, run against the real server:
 * binary-search the people-search radius from three points until the target
 * drops in and out within a centimetre, then trilaterate. With the filter on
 * the exact home this finds the home to within metres; on the blurred home it
 * finds the blurred point, 0.5–1.5 km away. The attacker here is as strong as
 * it gets: its search budget is lifted (PEOPLE_SEARCH_LIMIT_PER_HOUR), so the
 * blur alone must hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';
import { haversineKm } from '../../src/lib/domain/geo';
import { destination } from '../../src/lib/domain/home-blur';

const HOMES = Number(process.env.TRILATERATION_HOMES ?? 20);
const LYON = { lat: 45.764, lng: 4.8357 };
const KM_PER_DEG_LAT = (Math.PI * 6371.0088) / 180;

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ env: { PEOPLE_SEARCH_LIMIT_PER_HOUR: '1000000' } });
});
afterAll(async () => {
	await server?.dispose();
});

type Point = { lat: number; lng: number };

/** Whether `target` is listed by a search around `from` with `radiusKm`. */
async function listed(attacker: Client, from: Point, radiusKm: number, target: string): Promise<boolean> {
	const res = await attacker.get(`/api/people/near?lat=${from.lat}&lng=${from.lng}&radiusKm=${radiusKm}`);
	if (res.status !== 200) throw new Error(`search answered ${res.status} ${res.text}`);
	return (res.body.items as { user: { id: string } }[]).some((item) => item.user.id === target);
}

/** The radius at which `target` appears around `from`, to within 1 cm (the distance the server filters on). */
async function pinRadius(attacker: Client, from: Point, target: string): Promise<number> {
	let lo = 0;
	let hi = 20;
	if (!(await listed(attacker, from, hi, target))) throw new Error('target not within 20 km');
	while (hi - lo > 1e-5) {
		const mid = (lo + hi) / 2;
		if (await listed(attacker, from, mid, target)) hi = mid;
		else lo = mid;
	}
	return hi;
}

/** Least-squares trilateration on a local plane around `origin` (km scale: flat enough). */
function trilaterate(origin: Point, anchors: Point[], radii: number[]): Point {
	const kmPerDegLng = KM_PER_DEG_LAT * Math.cos((origin.lat * Math.PI) / 180);
	const xy = anchors.map((p) => [(p.lng - origin.lng) * kmPerDegLng, (p.lat - origin.lat) * KM_PER_DEG_LAT]);
	// Subtracting the first circle's equation from the others leaves a linear system.
	const rows = xy.slice(1).map(([x, y], i) => [
		2 * (x - xy[0][0]),
		2 * (y - xy[0][1]),
		radii[0] ** 2 - radii[i + 1] ** 2 + x ** 2 - xy[0][0] ** 2 + y ** 2 - xy[0][1] ** 2
	]);
	const [[a, b, e], [c, d, f]] = rows;
	const det = a * d - b * c;
	const x = (e * d - b * f) / det;
	const y = (a * f - e * c) / det;
	return { lat: origin.lat + y / KM_PER_DEG_LAT, lng: origin.lng + x / kmPerDegLng };
}

describe('trilateration attack on people search', () => {
	it(`locates no home better than the blur (${HOMES} homes)`, async () => {
		const attacker = new Client(server.url);
		await attacker.signup({ displayName: 'Curieux' });
		const errors: number[] = [];
		for (let i = 0; i < HOMES; i++) {
			// Homes scattered over ~30 km around Lyon, each with its own neighbourhood.
			const home = destination(LYON, 2 + 1.1 * i, (i * 2.4) % (2 * Math.PI));
			const target = new Client(server.url);
			const { id } = await target.signup({ displayName: `Cible ${i}` });
			expect((await target.patch('/api/me', { discoverable: true, home })).status).toBe(200);
			// Three listening posts 5 km around the area the attacker suspects.
			const guess = destination(home, 0.3, i);
			const anchors = [0, 1, 2].map((k) => destination(guess, 5, (k * 2 * Math.PI) / 3));
			const radii = await Promise.all(anchors.map((anchor) => pinRadius(attacker, anchor, id)));
			const found = trilaterate(guess, anchors, radii);
			errors.push(haversineKm(found.lat, found.lng, home.lat, home.lng));
		}
		const sorted = [...errors].sort((x, y) => x - y);
		const median = sorted[Math.floor(sorted.length / 2)];
		console.log(
			`trilateration error over ${HOMES} homes: min ${sorted[0].toFixed(3)} km, median ${median.toFixed(3)} km, max ${sorted[sorted.length - 1].toFixed(3)} km`
		);
		// The blur is 0.5–1.5 km; the attack pins the blurred point to within metres.
		const located = errors.filter((km) => km < 0.5).length;
		expect(located, `homes located within 0.5 km: ${located}`).toBeLessThanOrEqual(Math.floor(HOMES * 0.05));
		expect(sorted[0]).toBeGreaterThan(0.45);
		expect(sorted[sorted.length - 1]).toBeLessThan(1.6);
	}, 180_000);
});
