/**
 * Who is alerted of a new initiative: people whose alert circle (their own
 * `nearbyRadiusKm`, default 5) around their BLURRED home covers it. The
 * R*Tree `people_alert_geo` holds each circle's bounding box (kept by
 * triggers from the blurred home and the radius, drizzle/0010, with the
 * person's id, blurred home and radius beside it), so the candidates are the
 * boxes containing the place: about the people alerted, not everyone within
 * the widest radius, and nothing is joined. Each is then checked against
 * their own radius. Never a scan of all users, never the exact home.
 */
import type Database from 'better-sqlite3';
import { store } from '$store/db';
import { haversineKm } from '$lib/domain/geo';

export interface NearbyPerson {
	userId: string;
	/** From the blurred home, rounded to 0.5 km and never below 0.5 (as people search shows it). */
	distanceKm: number;
}

const cache = new WeakMap<Database.Database, Database.Statement>();

function candidates(sqlite: Database.Database): Database.Statement {
	let statement = cache.get(sqlite);
	if (!statement) {
		// Rows as arrays (no object per candidate): a place in a city has thousands of them.
		statement = sqlite
			.prepare(
				`SELECT user_id, lat, lng, radius_km FROM people_alert_geo
				 WHERE min_lat <= @lat AND max_lat >= @lat AND min_lng <= @lng AND max_lng >= @lng`
			)
			.raw(true);
		cache.set(sqlite, statement);
	}
	return statement;
}

/** People to alert of an initiative at (`lat`, `lng`), the actor excepted. */
export function peopleAlertedAt(lat: number, lng: number, actorId: string | null): NearbyPerson[] {
	const rows = candidates(store().sqlite).all({ lat, lng }) as [userId: string, lat: number, lng: number, radiusKm: number][];
	const found: NearbyPerson[] = [];
	for (const [userId, homeLat, homeLng, radiusKm] of rows) {
		if (userId === actorId || radiusKm <= 0) continue;
		const km = haversineKm(lat, lng, homeLat, homeLng);
		if (km <= radiusKm) found.push({ userId, distanceKm: Math.max(0.5, Math.round(km * 2) / 2) });
	}
	return found;
}
