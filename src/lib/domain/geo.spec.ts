import { describe, expect, it } from 'vitest';
import { haversineKm, minDistanceToBoxKm, radiusBox, roundKm, splitLngRange, wrapLng, type LatLngBox } from './geo';

describe('haversineKm', () => {
	it.each([
		['Paris → Lyon', [48.8566, 2.3522], [45.764, 4.8357], 391.5],
		['Paris → Marseille', [48.8566, 2.3522], [43.2965, 5.3698], 660.5],
		['Lyon → Villeurbanne', [45.764, 4.8357], [45.7667, 4.8803], 3.47],
		['London → New York', [51.5074, -0.1278], [40.7128, -74.006], 5570.2],
		['across the antimeridian (Fiji)', [-17.7, 179.9], [-17.7, -179.9], 21.2],
		['pole to pole', [90, 0], [-90, 0], 20015.1],
		['same point', [45, 5], [45, 5], 0]
	] as const)('%s', (_name, a, b, km) => {
		expect(haversineKm(a[0], a[1], b[0], b[1])).toBeCloseTo(km, km < 10 ? 1 : 0);
	});

	it('is symmetric', () => {
		expect(haversineKm(45, 5, 46, 6)).toBe(haversineKm(46, 6, 45, 5));
	});
});

describe('radiusBox', () => {
	it('is one lng range in mainland France and contains the circle', () => {
		const box = radiusBox(45.764, 4.8357, 10);
		expect(box.lngRanges).toHaveLength(1);
		const [min, max] = box.lngRanges[0];
		// Points exactly 10 km east, west, north and south lie inside the box.
		expect(haversineKm(45.764, 4.8357, 45.764, max)).toBeGreaterThanOrEqual(9.99);
		expect(haversineKm(45.764, 4.8357, 45.764, min)).toBeGreaterThanOrEqual(9.99);
		expect(haversineKm(45.764, 4.8357, box.maxLat, 4.8357)).toBeCloseTo(10, 6);
		expect(haversineKm(45.764, 4.8357, box.minLat, 4.8357)).toBeCloseTo(10, 6);
	});

	it.each([
		['east of the antimeridian', 179.95, [[179.8, 180], [-180, -179.9]]],
		['west of the antimeridian', -179.95, [[179.9, 180], [-180, -179.8]]]
	] as const)('splits %s into two ranges', (_name, lng, expected) => {
		const box = radiusBox(0, lng, 15);
		expect(box.lngRanges).toHaveLength(2);
		box.lngRanges.forEach(([min, max], i) => {
			expect(min).toBeCloseTo(expected[i][0], 1);
			expect(max).toBeCloseTo(expected[i][1], 1);
		});
	});

	it.each([
		['north pole inside the circle', 89.99, 10],
		['south pole inside the circle', -89.95, 20],
		['circle reaching past the pole parallel', 89.9, 50]
	] as const)('covers every longitude with the %s', (_name, lat, km) => {
		const box = radiusBox(lat, 12, km);
		expect(box.lngRanges).toEqual([[-180, 180]]);
		expect(box.maxLat).toBeLessThanOrEqual(90);
		expect(box.minLat).toBeGreaterThanOrEqual(-90);
	});

	it('covers the whole globe for a radius larger than half the circumference', () => {
		expect(radiusBox(0, 0, 30_000)).toEqual({ minLat: -90, maxLat: 90, lngRanges: [[-180, 180]] });
	});
});

describe('splitLngRange and wrapLng', () => {
	it.each([
		[[-10, 10], [[-10, 10]]],
		[[170, 190], [[170, 180], [-180, -170]]],
		[[-190, -170], [[170, 180], [-180, -170]]],
		[[-200, 200], [[-180, 180]]]
	] as const)('%j → %j', (range, expected) => {
		expect(splitLngRange(range[0], range[1])).toEqual(expected);
	});

	it.each([
		[0, 0],
		[180, 180],
		[-180, -180],
		[190, -170],
		[-190, 170],
		[540, -180]
	])('wrapLng(%d) = %d', (input, output) => {
		expect(wrapLng(input)).toBe(output);
	});
});

describe('minDistanceToBoxKm', () => {
	/** Deterministic pseudo-random numbers, so a failure can be replayed. */
	function rng(seed: number) {
		return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
	}

	it('is never more than the distance to any point of the box, anywhere on the globe', () => {
		const random = rng(3);
		const over: string[] = [];
		for (let n = 0; n < 3000; n++) {
			// Boxes of 0.00625° to 2°, half of them near a pole or the antimeridian, the point up to 3° away.
			const side = [0.00625, 0.1, 2][n % 3];
			const minLat = n % 4 === 0 ? 90 - side - random() * 0.5 : n % 4 === 1 ? -90 + random() * 0.5 : random() * 170 - 85;
			const minLng = n % 2 === 0 ? 180 - side * random() * 1.5 : random() * 356 - 178;
			const box: LatLngBox = { minLat, maxLat: minLat + side, minLng: Math.min(minLng, 180 - side), maxLng: Math.min(180, minLng + side) };
			const lat = Math.max(-90, Math.min(90, box.minLat + (random() - 0.5) * 6));
			const lng = ((box.minLng + (random() - 0.5) * 6 + 540) % 360) - 180;
			const bound = minDistanceToBoxKm(lat, lng, box);
			for (let k = 0; k < 20; k++) {
				// Corners and edges as well as inside points: the nearest point is usually on an edge.
				const pLat = k < 4 ? (k & 1 ? box.maxLat : box.minLat) : box.minLat + random() * (box.maxLat - box.minLat);
				const pLng = k < 4 ? (k & 2 ? box.maxLng : box.minLng) : k < 8 ? (k & 1 ? box.maxLng : box.minLng) : box.minLng + random() * (box.maxLng - box.minLng);
				const d = haversineKm(lat, lng, pLat, pLng);
				if (bound > d) over.push(`${bound} > ${d} from ${lat},${lng} to ${pLat},${pLng}`);
			}
		}
		expect(over).toEqual([]);
	});

	it.each([
		['inside', 45.5, 4.5, 0],
		['due north, the latitude gap', 46.5, 4.5, haversineKm(46.5, 4.5, 46, 4.5)],
		['due east on the box latitude', 45.5, 5.5, haversineKm(45.5, 5.5, 45.5, 5)]
	] as const)('is close to the true distance %s', (_name, lat, lng, km) => {
		const box = { minLat: 45, maxLat: 46, minLng: 4, maxLng: 5 };
		expect(minDistanceToBoxKm(lat, lng, box)).toBeLessThanOrEqual(km);
		expect(minDistanceToBoxKm(lat, lng, box)).toBeGreaterThanOrEqual(km * 0.99);
	});

	it('measures the shorter way round the antimeridian', () => {
		// 0.1° of longitude (≈ 10.6 km here), not 359.9°; a little under, as the bound takes the box's smaller cosine.
		const box = { minLat: -18, maxLat: -17, minLng: -180, maxLng: -179.9 };
		expect(minDistanceToBoxKm(-17.5, 179.9, box)).toBeCloseTo(haversineKm(-17.5, 179.9, -17.5, 180), 1);
	});
});

describe('roundKm', () => {
	it.each([
		[1.234, 0.01, 1.23],
		[1.235001, 0.01, 1.24],
		[0.2, 0.5, 0],
		[1.26, 0.5, 1.5],
		[3.74, 0.5, 3.5]
	])('roundKm(%d, %d) = %d', (km, step, out) => {
		expect(roundKm(km, step)).toBe(out);
	});
});
