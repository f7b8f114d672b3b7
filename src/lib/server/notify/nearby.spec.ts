/**
 * New-initiative matching through `people_alert_homes` gives exactly the
 * people, and the rounded distances, a haversine check of everyone would give
 * (own radius, default 5 km, 0 = none, blurred home), and stays so while homes
 * move, radii change, preferences and people are deleted — including at the
 * radius and rounding boundaries, near the antimeridian and the poles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore, openStore, store } from '$store/db';
import { EARTH_RADIUS_KM, haversineKm } from '$lib/domain/geo';
import { seededRandom } from '../../../../scripts/demo/places';
import { peopleAlertedAt } from './nearby';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'kohero-nearby-'));
	openStore(dir);
});
afterAll(() => {
	closeStore();
	rmSync(dir, { recursive: true, force: true });
});

const random = seededRandom(42);
const CENTRES = [
	[45.76, 4.83],
	[48.86, 2.35],
	[-17.5, 179.98],
	[64.2, -179.95],
	[89.9, 10]
] as const;
const RADII = [0, 2, 5, 10, 25];
const near = ([lat, lng]: readonly [number, number]) => {
	const la = Math.max(-89.99, Math.min(89.99, lat + (random() - 0.5) * 0.6));
	let lo = lng + (random() - 0.5) * 0.8;
	if (lo > 180) lo -= 360;
	if (lo < -180) lo += 360;
	return [la, lo] as const;
};
const pickCentre = () => CENTRES[Math.floor(random() * CENTRES.length)];

/** Everyone checked one by one: what the index must agree with (who, and at what rounded distance). */
function bruteForce(lat: number, lng: number): string[] {
	const people = store()
		.sqlite.prepare(
			`SELECT u.id, u.home_blur_lat AS lat, u.home_blur_lng AS lng, COALESCE(p.nearby_radius_km, 5) AS radius
			 FROM users u LEFT JOIN notification_prefs p ON p.user_id = u.id WHERE u.home_blur_lat IS NOT NULL`
		)
		.all() as { id: string; lat: number; lng: number; radius: number }[];
	return people
		.map((p) => ({ ...p, km: haversineKm(lat, lng, p.lat, p.lng) }))
		.filter((p) => p.radius > 0 && p.km <= p.radius)
		.map((p) => `${p.id}@${Math.max(0.5, Math.round(p.km * 2) / 2)}`)
		.sort();
}
/** Each person alerted as `id@distance`, checking that every distance is one group. */
function pairs(lat: number, lng: number, actorId: string | null = null): string[] {
	const groups = peopleAlertedAt(lat, lng, actorId);
	expect(new Set(groups.map((g) => g.distanceKm)).size, 'one group per distance').toBe(groups.length);
	return groups.flatMap((g) => g.userIds.map((id) => `${id}@${g.distanceKm}`)).sort();
}
const viaIndex = (lat: number, lng: number) => pairs(lat, lng);

function sameAnswers(): void {
	let alerted = 0;
	for (let i = 0; i < 60; i++) {
		const [lat, lng] = near(pickCentre());
		const expected = bruteForce(lat, lng);
		alerted += expected.length;
		expect(viaIndex(lat, lng), `at ${lat}, ${lng}`).toEqual(expected);
	}
	expect(alerted).toBeGreaterThan(100); // the places do reach people
}

/** The index holds one row per person who can be alerted (blurred home, radius > 0), no more. */
function expectOneRowPerAlertable(): void {
	const { sqlite } = store();
	const indexed = (sqlite.prepare(`SELECT count(*) AS n FROM ${ALERT_INDEX}`).get() as { n: number }).n;
	const expected = (
		sqlite
			.prepare(
				`SELECT count(*) AS n FROM users u LEFT JOIN notification_prefs p ON p.user_id = u.id
				 WHERE u.home_blur_lat IS NOT NULL AND COALESCE(p.nearby_radius_km, 5) > 0`
			)
			.get() as { n: number }
	).n;
	expect(indexed).toBe(expected);
}
const ALERT_INDEX = 'people_alert_homes';

const RAD = Math.PI / 180;
/** The point `km` away from (`lat`, `lng`) on the initial bearing `bearing` (degrees), on the sphere. */
function destination(lat: number, lng: number, km: number, bearing: number): [number, number] {
	const d = km / EARTH_RADIUS_KM;
	const φ = lat * RAD;
	const θ = bearing * RAD;
	const φ2 = Math.asin(Math.sin(φ) * Math.cos(d) + Math.cos(φ) * Math.sin(d) * Math.cos(θ));
	const λ2 = lng * RAD + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ), Math.cos(d) - Math.sin(φ) * Math.sin(φ2));
	let out = λ2 / RAD;
	if (out > 180) out -= 360;
	if (out < -180) out += 360;
	return [φ2 / RAD, out];
}
/** The easternmost point of the circle of `km` around (`lat`, `lng`), where a bounding box is tight. */
function easternmost(lat: number, lng: number, km: number): [number, number] {
	const d = km / EARTH_RADIUS_KM;
	const φ = lat * RAD;
	const ratio = Math.sin(d) / Math.cos(φ);
	if (ratio >= 1) return destination(lat, lng, km, 90);
	let out = lng + Math.asin(ratio) / RAD;
	if (out > 180) out -= 360;
	return [Math.asin(Math.sin(φ) / Math.cos(d)) / RAD, out];
}

const addPerson = (id: string, blurred: readonly [number, number] | null, exact: readonly [number, number] | null = blurred) =>
	store()
		.sqlite.prepare(
			"INSERT INTO users (id, email, password_hash, display_name, home_lat, home_lng, home_blur_lat, home_blur_lng, created_at, updated_at) VALUES (?, ?, 'x', ?, ?, ?, ?, ?, 0, 0)"
		)
		.run(id, `${id}@exemple.fr`, id, exact?.[0] ?? null, exact?.[1] ?? null, blurred?.[0] ?? null, blurred?.[1] ?? null);
const setRadius = (id: string, radiusKm: number) =>
	store()
		.sqlite.prepare(
			`INSERT INTO notification_prefs (user_id, nearby_radius_km, unsubscribe_token, updated_at) VALUES (?, ?, ?, 0)
			 ON CONFLICT (user_id) DO UPDATE SET nearby_radius_km = excluded.nearby_radius_km`
		)
		.run(id, radiusKm, `tok_${id}`);
const alertedAt = ([lat, lng]: readonly [number, number]) => pairs(lat, lng);

describe('peopleAlertedAt', () => {
	it('finds exactly the people whose own circle covers the place', () => {
		const { sqlite } = store();
		const addUser = sqlite.prepare(
			"INSERT INTO users (id, email, password_hash, display_name, home_lat, home_lng, home_blur_lat, home_blur_lng, created_at, updated_at) VALUES (?, ?, 'x', ?, ?, ?, ?, ?, 0, 0)"
		);
		const addPrefs = sqlite.prepare("INSERT INTO notification_prefs (user_id, nearby_radius_km, unsubscribe_token, updated_at) VALUES (?, ?, ?, 0)");
		sqlite.transaction(() => {
			for (let i = 0; i < 1500; i++) {
				const id = `near_${String(i).padStart(5, '0')}`;
				const [lat, lng] = near(pickCentre());
				const blurred = random() < 0.05 ? [null, null] : [lat, lng];
				addUser.run(id, `${id}@exemple.fr`, id, lat, lng, blurred[0], blurred[1]);
				if (random() < 0.6) addPrefs.run(id, RADII[Math.floor(random() * RADII.length)], `tok_${id}`);
			}
		})();
		sameAnswers();
	});

	it('follows moved homes, changed radii, deleted preferences and people', () => {
		const { sqlite } = store();
		const ids = (sqlite.prepare('SELECT id FROM users ORDER BY id').all() as { id: string }[]).map((r) => r.id);
		sqlite.transaction(() => {
			for (const id of ids) {
				const roll = random();
				if (roll < 0.1) {
					const [lat, lng] = near(pickCentre());
					sqlite.prepare('UPDATE users SET home_blur_lat = ?, home_blur_lng = ? WHERE id = ?').run(lat, lng, id);
				} else if (roll < 0.15) sqlite.prepare('UPDATE users SET home_blur_lat = NULL, home_blur_lng = NULL WHERE id = ?').run(id);
				else if (roll < 0.3) {
					const radius = RADII[Math.floor(random() * RADII.length)];
					sqlite
						.prepare(
							`INSERT INTO notification_prefs (user_id, nearby_radius_km, unsubscribe_token, updated_at) VALUES (?, ?, ?, 0)
							 ON CONFLICT (user_id) DO UPDATE SET nearby_radius_km = excluded.nearby_radius_km`
						)
						.run(id, radius, `tok2_${id}`);
				} else if (roll < 0.35) sqlite.prepare('DELETE FROM notification_prefs WHERE user_id = ?').run(id);
				else if (roll < 0.4) sqlite.prepare('DELETE FROM users WHERE id = ?').run(id);
			}
		})();
		sameAnswers();
		expectOneRowPerAlertable();
	});

	it('leaves out the actor and rounds distances to 0.5 km, never below', () => {
		const everyone = pairs(45.76, 4.83);
		const [somebody] = everyone;
		expect(somebody).toBeDefined();
		expect(pairs(45.76, 4.83, somebody.split('@')[0])).toEqual(everyone.filter((p) => p !== somebody));
		for (const { distanceKm } of peopleAlertedAt(45.76, 4.83, null)) {
			expect(distanceKm).toBeGreaterThanOrEqual(0.5);
			expect(distanceKm * 2).toBe(Math.round(distanceKm * 2));
		}
	});

	it("follows one person's home, radius and preferences, never their exact home", () => {
		const { sqlite } = store();
		const here = [10, 20] as const; // nobody else lives within 100 km
		const there = [10.5, 20] as const;
		addPerson('trig_1', destination(...here, 3, 30), there);
		expect(alertedAt(here), 'no preferences: 5 km').toEqual(['trig_1@3']);
		expect(alertedAt(there), 'the exact home is never used').toEqual([]);
		setRadius('trig_1', 2);
		expect(alertedAt(here)).toEqual([]);
		setRadius('trig_1', 10);
		expect(alertedAt(here)).toEqual(['trig_1@3']);
		setRadius('trig_1', 0);
		expect(alertedAt(here), 'radius 0: no alerts').toEqual([]);
		expectOneRowPerAlertable();
		setRadius('trig_1', 25);
		expect(alertedAt(here)).toEqual(['trig_1@3']);
		sqlite.prepare('DELETE FROM notification_prefs WHERE user_id = ?').run('trig_1');
		expect(alertedAt(here), 'preferences deleted: 5 km again').toEqual(['trig_1@3']);
		setRadius('trig_1', 2);
		sqlite.prepare('DELETE FROM notification_prefs WHERE user_id = ?').run('trig_1');
		expect(alertedAt(here), 'preferences deleted: 5 km again').toEqual(['trig_1@3']);

		sqlite.prepare('UPDATE users SET home_blur_lat = ?, home_blur_lng = ? WHERE id = ?').run(...destination(...there, 4.2, 200), 'trig_1');
		expect(alertedAt(here), 'moved away').toEqual([]);
		expect(alertedAt(there)).toEqual(['trig_1@4']);
		sqlite.prepare('UPDATE users SET home_lat = ?, home_lng = ? WHERE id = ?').run(...here, 'trig_1');
		expect(alertedAt(here), 'the exact home moved, not the blurred one').toEqual([]);
		const [movedLat] = destination(...there, 4.2, 200);
		sqlite.prepare('UPDATE users SET home_blur_lng = ? WHERE id = ?').run(there[1] + 0.025, 'trig_1');
		const movedKm = haversineKm(...there, movedLat, there[1] + 0.025);
		expect(movedKm > 4.75 && movedKm <= 5, `${movedKm} km`).toBe(true);
		expect(alertedAt(there), 'only the longitude moved').toEqual(['trig_1@5']);
		sqlite.prepare('UPDATE users SET home_blur_lat = NULL, home_blur_lng = NULL WHERE id = ?').run('trig_1');
		expect(alertedAt(there), 'no blurred home: no alerts').toEqual([]);
		expectOneRowPerAlertable();
		sqlite.prepare('UPDATE users SET home_blur_lat = ?, home_blur_lng = ? WHERE id = ?').run(...there, 'trig_1');
		expect(alertedAt(there)).toEqual(['trig_1@0.5']);

		sqlite.prepare('UPDATE users SET id = ? WHERE id = ?').run('trig_2', 'trig_1');
		expect(alertedAt(destination(...there, 4, 90)), 'renamed').toEqual(['trig_2@4']);
		setRadius('trig_2', 10);
		expect(alertedAt(destination(...there, 8, 90))).toEqual(['trig_2@8']);
		sqlite.prepare('DELETE FROM users WHERE id = ?').run('trig_2');
		expect(alertedAt(there), 'deleted').toEqual([]);
		expectOneRowPerAlertable();
	});

	it('rounds exactly as the haversine does at x.25 and x.75 km', () => {
		const centre = [-35, 100] as const; // nobody else within 100 km
		const homes: [string, [number, number]][] = [];
		for (let quarter = 1; quarter < 100; quarter += 2) {
			for (const factor of [1 - 1e-9, 1, 1 + 1e-9]) {
				for (const bearing of [0, 72, 144, 216, 288]) homes.push([`round_${quarter}_${factor}_${bearing}`, destination(...centre, (quarter / 4) * factor, bearing)]);
			}
		}
		store().sqlite.transaction(() => {
			for (const [id, home] of homes) {
				addPerson(id, home);
				setRadius(id, 25);
			}
		})();
		const expected = homes
			.map(([id, home]) => ({ id, km: haversineKm(...centre, ...home) }))
			.filter(({ km }) => km <= 25)
			.map(({ id, km }) => `${id}@${Math.max(0.5, Math.round(km * 2) / 2)}`);
		expect(alertedAt(centre)).toEqual(expected.sort());
		expect(expected.length).toBe(homes.length);
	});

	it('draws the line exactly at each radius, across the antimeridian and near the poles', () => {
		const centres: (readonly [number, number])[] = [
			[-30, -60],
			[-17.5, 179.98],
			[0.001, -179.999],
			[64.2, -179.95],
			[89.9, 10],
			[-89.97, -120]
		];
		const radii = [2, 5, 10, 25];
		const homes: [string, number, [number, number]][] = [];
		centres.forEach((centre, c) => {
			for (const radius of radii) {
				// 0.1 ppm (0.2–2.5 mm): clear of the test's own rounding near the poles, well within any box's slack.
				for (const factor of [1 - 1e-7, 1, 1 + 1e-7]) {
					const at = [easternmost(...centre, radius * factor)];
					for (let bearing = 0; bearing < 360; bearing += 15) at.push(destination(...centre, radius * factor, bearing + 7.5 * (c % 2)));
					at.forEach((home, i) => homes.push([`edge_${c}_${radius}_${factor}_${i}`, radius, home]));
				}
			}
		});
		store().sqlite.transaction(() => {
			for (const [id, radius, home] of homes) {
				addPerson(id, home);
				if (radius !== 5) setRadius(id, radius);
			}
		})();
		let inside = 0;
		let outside = 0;
		for (const centre of centres) {
			const expected = homes
				.map(([id, radius, [lat, lng]]) => ({ id, radius, km: haversineKm(...centre, lat, lng) }))
				.filter(({ id, radius, km }) => {
					if (!id.startsWith(`edge_${centres.indexOf(centre)}_`)) return km <= radius;
					if (id.includes(`_${1 - 1e-7}_`)) inside++;
					if (id.includes(`_${1 + 1e-7}_`)) outside++;
					return km <= radius;
				})
				.map(({ id, km }) => `${id}@${Math.max(0.5, Math.round(km * 2) / 2)}`);
			const found = alertedAt(centre).filter((p) => p.startsWith('edge_'));
			expect(found, `at ${centre.join(', ')}`).toEqual(expected.sort());
			for (const p of found) expect(p, 'just outside').not.toContain(`_${1 + 1e-7}_`);
			expect(found.filter((p) => p.includes(`_${1 - 1e-7}_`)).length, 'just inside').toBe(radii.length * 25);
		}
		expect([inside, outside]).toEqual([centres.length * radii.length * 25, centres.length * radii.length * 25]);
	});
});
