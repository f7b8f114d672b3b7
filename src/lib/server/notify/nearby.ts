/**
 * Who is alerted of a new initiative: people whose alert circle (their own
 * `nearbyRadiusKm`, default 5) around their BLURRED home covers it. The
 * R*Tree over blurred homes gives the candidates inside the box of the widest
 * radius (25 km); each is then checked against their own radius. Never a scan
 * of all users, never the exact home.
 */
import type Database from 'better-sqlite3';
import { store } from '$store/db';
import { haversineKm, radiusBox } from '$lib/domain/geo';
import { DEFAULT_PREFS, MAX_NEARBY_RADIUS_KM } from '$lib/domain/notifications';

export interface NearbyPerson {
	userId: string;
	/** From the blurred home, rounded to 0.5 km and never below 0.5 (as people search shows it). */
	distanceKm: number;
}

const cache = new WeakMap<Database.Database, Database.Statement>();

function candidates(sqlite: Database.Database): Database.Statement {
	let statement = cache.get(sqlite);
	if (!statement) {
		statement = sqlite.prepare(
			`SELECT u.id AS userId, u.home_blur_lat AS lat, u.home_blur_lng AS lng,
			        COALESCE(p.nearby_radius_km, ${DEFAULT_PREFS.nearbyRadiusKm}) AS radiusKm
			 FROM people_blur_geo g
			 JOIN users u ON u.rowid = g.id
			 LEFT JOIN notification_prefs p ON p.user_id = u.id
			 WHERE g.min_lat >= ? AND g.max_lat <= ? AND g.min_lng >= ? AND g.max_lng <= ?`
		);
		cache.set(sqlite, statement);
	}
	return statement;
}

/** People to alert of an initiative at (`lat`, `lng`), the actor excepted. */
export function peopleAlertedAt(lat: number, lng: number, actorId: string | null): NearbyPerson[] {
	const statement = candidates(store().sqlite);
	const box = radiusBox(lat, lng, MAX_NEARBY_RADIUS_KM);
	const found: NearbyPerson[] = [];
	for (const [minLng, maxLng] of box.lngRanges) {
		const rows = statement.all(box.minLat, box.maxLat, minLng, maxLng) as { userId: string; lat: number; lng: number; radiusKm: number }[];
		for (const row of rows) {
			if (row.userId === actorId || row.radiusKm <= 0) continue;
			const km = haversineKm(lat, lng, row.lat, row.lng);
			if (km <= row.radiusKm) found.push({ userId: row.userId, distanceKm: Math.max(0.5, Math.round(km * 2) / 2) });
		}
	}
	return found;
}
