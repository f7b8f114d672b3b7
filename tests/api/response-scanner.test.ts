/** The scanner itself must catch a home derived from people search (and not cry wolf on a blurred one). */
import { describe, expect, it } from 'vitest';
import type { RecordedResponse } from '../helpers/client';
import { ResponseScanner } from './response-scanner';
import { haversineKm } from '../../src/lib/domain/geo';
import { blurHome, destination } from '../../src/lib/domain/home-blur';

const HOME = { lat: 45.7612345, lng: 4.8398765 };
const OWNER = 'kohero_session=owner-token-0000000000';
const ATTACKER = 'kohero_session=attacker-token-000000000';

/** A server in miniature: people search over `filterPoint`, showing `distance` for the listed person. */
function answer(from: { lat: number; lng: number }, radiusKm: number, filterPoint: { lat: number; lng: number }, shown = (km: number) => Math.max(0.5, Math.round(km * 2) / 2)): RecordedResponse {
	const km = haversineKm(from.lat, from.lng, filterPoint.lat, filterPoint.lng);
	const items = km <= radiusKm ? [{ user: { id: 'u1', displayName: 'Ana', kind: 'person', skills: [], bio: '' }, distanceKm: shown(km) }] : [];
	return {
		method: 'GET',
		path: `/api/people/near?lat=${from.lat}&lng=${from.lng}&radiusKm=${radiusKm}`,
		status: 200,
		text: JSON.stringify({ items }),
		cookie: ATTACKER
	};
}

/** The owner's /api/me, from which the scanner learns the home, then a binary search from three points. */
function attack(filterPoint: { lat: number; lng: number }, shown?: (km: number) => number): ResponseScanner {
	const scanner = new ResponseScanner();
	scanner.responses.push({ method: 'GET', path: '/api/me', status: 200, cookie: OWNER, text: JSON.stringify({ user: { id: 'u1', home: HOME } }) });
	for (const bearing of [0, 2, 4]) {
		const from = destination(HOME, 5, bearing);
		let lo = 0;
		let hi = 20;
		while (hi - lo > 1e-5) {
			const mid = (lo + hi) / 2;
			const r = answer(from, mid, filterPoint, shown);
			scanner.responses.push(r);
			if (r.text.includes('u1')) hi = mid;
			else lo = mid;
		}
	}
	return scanner;
}

describe('response scanner: homes derived from people search', () => {
	it('flags a radius filter on the exact home', () => {
		expect(attack(HOME).leaks().map((l) => l.what)).toContain('radius filter on the exact home of u1');
	});

	it('flags an unrounded distance to the exact home', () => {
		expect(attack(HOME, (km) => km).leaks().map((l) => l.what)).toContain('distance to the exact home of u1');
	});

	it('accepts the same search over a blurred home', () => {
		// Fixed draws, the extremes included: random ones put a blur, about once in a thousand runs, within the
		// 2 cm of the home's distance that the scanner pins (home-derivation.ts), and the test failed by chance.
		// None of these lies within 0.1 rad of tangent to a search point's circle through the home.
		for (const distanceDraw of [0, 0.25, 0.5, 0.75, 1]) {
			for (const bearingDraw of [0.05, 0.3, 0.55, 0.8]) {
				expect(attack(blurHome(HOME, distanceDraw, bearingDraw)).leaks()).toEqual([]);
			}
		}
	});
});
