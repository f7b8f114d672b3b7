import { describe, expect, it } from 'vitest';
import { haversineKm } from './geo';
import { BLUR_MAX_KM, BLUR_MIN_KM, blurHome, destination, homeMoved } from './home-blur';

const LYON = { lat: 45.764, lng: 4.8357 };

describe('destination', () => {
	it.each([
		['north', LYON, 1, 0],
		['east', LYON, 1, Math.PI / 2],
		['south-west', LYON, 1.5, (5 * Math.PI) / 4],
		['near the north pole', { lat: 89.999, lng: 0 }, 1, Math.PI / 3],
		['across the antimeridian (Fiji)', { lat: -17.7, lng: 179.999 }, 1.2, Math.PI / 2],
		['on the equator', { lat: 0, lng: 0 }, 0.5, Math.PI]
	] as const)('%s lies the asked distance away', (_name, from, km, bearing) => {
		const to = destination(from, km, bearing);
		expect(haversineKm(from.lat, from.lng, to.lat, to.lng)).toBeCloseTo(km, 6);
		expect(to.lng).toBeGreaterThanOrEqual(-180);
		expect(to.lng).toBeLessThanOrEqual(180);
	});

	it('goes the right way', () => {
		expect(destination(LYON, 1, 0).lat).toBeGreaterThan(LYON.lat);
		expect(destination(LYON, 1, Math.PI / 2).lng).toBeGreaterThan(LYON.lng);
		expect(destination(LYON, 1, Math.PI).lat).toBeLessThan(LYON.lat);
	});
});

describe('blurHome', () => {
	it.each([
		['smallest draw', 0, 0, BLUR_MIN_KM],
		['middle draw', 0.5, 0.25, 1],
		['largest draw', 0.999999, 0.75, BLUR_MAX_KM],
		['out-of-range draws are clamped', 7, -3, BLUR_MAX_KM],
		['NaN draws count as 0', Number.NaN, Number.NaN, BLUR_MIN_KM]
	] as const)('%s', (_name, distanceDraw, bearingDraw, km) => {
		const blurred = blurHome(LYON, distanceDraw, bearingDraw);
		expect(haversineKm(LYON.lat, LYON.lng, blurred.lat, blurred.lng)).toBeCloseTo(km, 4);
	});

	it('always lands 0.5–1.5 km away, on every side', () => {
		const bearings = new Set<number>();
		for (let i = 0; i < 2000; i++) {
			const b = blurHome(LYON, Math.random(), Math.random());
			const km = haversineKm(LYON.lat, LYON.lng, b.lat, b.lng);
			expect(km).toBeGreaterThanOrEqual(BLUR_MIN_KM - 1e-9);
			expect(km).toBeLessThanOrEqual(BLUR_MAX_KM + 1e-9);
			const quadrant = (b.lat > LYON.lat ? 1 : 0) + (b.lng > LYON.lng ? 2 : 0);
			bearings.add(quadrant);
		}
		expect(bearings.size).toBe(4);
	});
});

describe('homeMoved', () => {
	it.each([
		['no home, still none', null, null, false],
		['first home', null, LYON, true],
		['home cleared', LYON, null, true],
		['same coordinates again', LYON, { ...LYON }, false],
		['moved a little', LYON, { lat: LYON.lat + 1e-6, lng: LYON.lng }, true],
		['moved east', LYON, { lat: LYON.lat, lng: LYON.lng + 0.01 }, true]
	] as const)('%s → %s', (_name, before, after, moved) => {
		expect(homeMoved(before, after)).toBe(moved);
	});
});
