/**
 * New-initiative matching through the alert-circle R*Tree gives exactly the
 * people a check of everyone would give (own radius, default 5 km, 0 = none,
 * blurred home), and stays so while homes move, radii change, preferences and
 * people are deleted — including near the antimeridian and the poles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore, openStore, store } from '$store/db';
import { haversineKm } from '$lib/domain/geo';
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

/** Everyone checked one by one: what the index must agree with. */
function bruteForce(lat: number, lng: number): string[] {
	const people = store()
		.sqlite.prepare(
			`SELECT u.id, u.home_blur_lat AS lat, u.home_blur_lng AS lng, COALESCE(p.nearby_radius_km, 5) AS radius
			 FROM users u LEFT JOIN notification_prefs p ON p.user_id = u.id WHERE u.home_blur_lat IS NOT NULL`
		)
		.all() as { id: string; lat: number; lng: number; radius: number }[];
	return people
		.filter((p) => p.radius > 0 && haversineKm(lat, lng, p.lat, p.lng) <= p.radius)
		.map((p) => p.id)
		.sort();
}
const viaIndex = (lat: number, lng: number) =>
	peopleAlertedAt(lat, lng, null)
		.map((p) => p.userId)
		.sort();

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
		const indexed = (sqlite.prepare('SELECT count(*) AS n FROM people_alert_geo').get() as { n: number }).n;
		const expected = (
			sqlite
				.prepare(
					`SELECT count(*) AS n FROM users u LEFT JOIN notification_prefs p ON p.user_id = u.id
					 WHERE u.home_blur_lat IS NOT NULL AND COALESCE(p.nearby_radius_km, 5) > 0`
				)
				.get() as { n: number }
		).n;
		expect(indexed).toBe(expected);
	});

	it('leaves out the actor and rounds distances to 0.5 km, never below', () => {
		const [somebody] = peopleAlertedAt(45.76, 4.83, null);
		expect(somebody).toBeDefined();
		expect(peopleAlertedAt(45.76, 4.83, somebody.userId).some((p) => p.userId === somebody.userId)).toBe(false);
		for (const p of peopleAlertedAt(45.76, 4.83, null)) {
			expect(p.distanceKm).toBeGreaterThanOrEqual(0.5);
			expect(p.distanceKm * 2).toBe(Math.round(p.distanceKm * 2));
		}
	});
});
