/**
 * drizzle/0012 on a database that already has people: every person who can be
 * alerted (blurred home, own radius > 0, default 5 km) gets their row in
 * `people_alert_homes`, nobody else does, and the alert R*Tree of 0010 is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsBefore } from '$store/spec-migrations';
import { migrated } from '$store/db';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'kohero-alert-migration-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0012 (alert homes)', () => {
	it('copies the people who can be alerted, with their radius, band and blurred home, and drops the R*Tree', () => {
		const sqlite = new Database(':memory:');
		sqlite.pragma('foreign_keys = ON');
		migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore(12, dir) });
		expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name IN ('people_alert_geo', 'people_alert_homes')").pluck().all()).toEqual(['people_alert_geo']);

		const addUser = sqlite.prepare(
			"INSERT INTO users (id, email, password_hash, display_name, home_lat, home_lng, home_blur_lat, home_blur_lng, created_at, updated_at) VALUES (?, ?, 'x', ?, ?, ?, ?, ?, 0, 0)"
		);
		const addPrefs = sqlite.prepare("INSERT INTO notification_prefs (user_id, nearby_radius_km, unsubscribe_token, updated_at) VALUES (?, ?, ?, 0)");
		const people: { id: string; blurred: [number, number] | null; radius: number | null }[] = [];
		for (let i = 0; i < 200; i++) {
			const blurred: [number, number] | null = i % 7 === 0 ? null : [-80 + i * 0.8, -179.5 + i * 1.7];
			const radius = [null, 0, 2, 5, 10, 25][i % 6];
			people.push({ id: `mig_${i}`, blurred, radius });
			addUser.run(`mig_${i}`, `mig_${i}@exemple.fr`, `mig_${i}`, 45, 5, blurred?.[0] ?? null, blurred?.[1] ?? null);
			if (radius !== null) addPrefs.run(`mig_${i}`, radius, `tok_${i}`);
		}

		migrated(sqlite);
		expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name IN ('people_alert_geo', 'people_alert_box', 'people_alert_homes')").pluck().all()).toEqual([
			'people_alert_homes'
		]);
		const rows = sqlite.prepare('SELECT user_id AS id, radius_km AS radius, band, lng, x, y, z FROM people_alert_homes ORDER BY user_id').all() as {
			id: string;
			radius: number;
			band: number;
			lng: number;
			x: number;
			y: number;
			z: number;
		}[];
		const expected = people
			.filter((p) => p.blurred && (p.radius ?? 5) > 0)
			.map((p) => ({ id: p.id, radius: p.radius ?? 5, band: Math.floor(p.blurred![0] / 0.05), lng: p.blurred![1] }))
			.sort((a, b) => (a.id < b.id ? -1 : 1));
		expect(rows.map(({ id, radius, band, lng }) => ({ id, radius, band, lng }))).toEqual(expected);
		const RAD = Math.PI / 180;
		for (const row of rows) {
			const [lat, lng] = people.find((p) => p.id === row.id)!.blurred!;
			expect(row.x).toBeCloseTo(Math.cos(lat * RAD) * Math.cos(lng * RAD), 14);
			expect(row.y).toBeCloseTo(Math.cos(lat * RAD) * Math.sin(lng * RAD), 14);
			expect(row.z).toBeCloseTo(Math.sin(lat * RAD), 14);
		}
		sqlite.close();
	});
});
