/**
 * Who is alerted of a new initiative: people whose alert circle (their own
 * `nearbyRadiusKm`, default 5) around their BLURRED home covers it. Within
 * r of the place is within r of the home, so for each radius people chose,
 * the candidates are the homes of that radius inside the place's own box of
 * that radius. `people_alert_homes` (drizzle/0012, kept by triggers) holds one
 * row per person who can be alerted, clustered by radius, latitude band and
 * longitude, with the latitude and id inline: a radius costs one seek and one
 * contiguous range of longitudes per band, and nothing is joined. Each
 * candidate is then checked against the radius with the same haversine as
 * ever. Never a scan of all users, never the exact home.
 */
import type Database from 'better-sqlite3';
import { store } from '$store/db';
import { EARTH_RADIUS_KM, haversineKm, radiusBox } from '$lib/domain/geo';

export interface NearbyPerson {
	userId: string;
	/** From the blurred home, rounded to 0.5 km and never below 0.5 (as people search shows it). */
	distanceKm: number;
}

/** Height of a latitude band in degrees: `floor(lat / 0.05)` in drizzle/0012's `people_alert_home` view. */
const BAND_DEG = 0.05;
/**
 * Added to the radius for the candidate filters only (box and chord): a home
 * the haversine puts at r stays a candidate whatever the rounding.
 */
const SLACK_KM = 0.001;
/**
 * SQLite returns each distance as an integer count of these steps (0.5 mm)
 * in half-kilometres' units: a small integer costs V8 no allocation, a double
 * would. Its chord formula differs from haversineKm by ~1e-11 km; any
 * distance within MARGIN_STEPS (5 mm) of the radius or of a rounding boundary
 * (x.25, x.75 km) is recomputed here with haversineKm, so the results are
 * exactly the haversine's.
 */
const STEPS_PER_HALF_KM = 1_000_000;
const MARGIN_STEPS = 10;
const RAD = Math.PI / 180;

interface Statements {
	nextRadius: Database.Statement;
	homes: Database.Statement;
	blurredHome: Database.Statement;
}
const cache = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
	let prepared = cache.get(sqlite);
	if (!prepared) {
		const chord2 = '((x - @x) * (x - @x) + (y - @y) * (y - @y) + (z - @z) * (z - @z))';
		prepared = {
			// One seek in the key's first column: the radii people chose, smallest first.
			nextRadius: sqlite.prepare('SELECT radius_km FROM people_alert_homes WHERE radius_km > ? ORDER BY radius_km LIMIT 1').pluck(),
			// The bands as a list, so that each is a seek then a range of longitudes (a range of bands
			// would read every longitude of them). Rows as arrays: a place in a city has thousands.
			homes: sqlite
				.prepare(
					`WITH RECURSIVE bands(band) AS (SELECT @firstBand UNION ALL SELECT band + 1 FROM bands WHERE band < @lastBand)
					 SELECT user_id, CAST(round(asin(min(1.0, sqrt(${chord2}) / 2)) * @steps) AS integer) FROM people_alert_homes
					 WHERE radius_km = @radius AND band IN bands AND lng BETWEEN @minLng AND @maxLng AND ${chord2} <= @maxChord2`
				)
				.raw(true),
			blurredHome: sqlite.prepare('SELECT home_blur_lat, home_blur_lng FROM users WHERE id = ?').raw(true)
		};
		cache.set(sqlite, prepared);
	}
	return prepared;
}

/** People to alert of an initiative at (`lat`, `lng`), the actor excepted. */
export function peopleAlertedAt(lat: number, lng: number, actorId: string | null): NearbyPerson[] {
	const { nextRadius, homes, blurredHome } = statements(store().sqlite);
	const cosLat = Math.cos(lat * RAD);
	const place = { x: cosLat * Math.cos(lng * RAD), y: cosLat * Math.sin(lng * RAD), z: Math.sin(lat * RAD) };
	const steps = 4 * EARTH_RADIUS_KM * STEPS_PER_HALF_KM; // distance = 2R·asin(chord / 2), in steps of half-km
	const found: NearbyPerson[] = [];
	for (let radius = nextRadius.get(0) as number | undefined; radius !== undefined; radius = nextRadius.get(radius) as number | undefined) {
		const box = radiusBox(lat, lng, radius + SLACK_KM);
		const angle = Math.min(Math.PI, (radius + SLACK_KM) / EARTH_RADIUS_KM);
		const maxChord2 = (2 * Math.sin(angle / 2)) ** 2;
		const limit = radius * 2 * STEPS_PER_HALF_KM;
		const firstBand = Math.floor(box.minLat / BAND_DEG);
		const lastBand = Math.floor(box.maxLat / BAND_DEG);
		for (const [minLng, maxLng] of box.lngRanges) {
			const rows = homes.all({ ...place, steps, radius, firstBand, lastBand, minLng, maxLng, maxChord2 }) as [userId: string, steps: number][];
			for (const [userId, distance] of rows) {
				if (userId === actorId || distance > limit + MARGIN_STEPS) continue;
				const fromBoundary = Math.abs((distance % STEPS_PER_HALF_KM) - STEPS_PER_HALF_KM / 2);
				if (Math.abs(distance - limit) <= MARGIN_STEPS || fromBoundary <= MARGIN_STEPS) {
					const [homeLat, homeLng] = blurredHome.get(userId) as [number, number];
					const km = haversineKm(lat, lng, homeLat, homeLng);
					if (km <= radius) found.push({ userId, distanceKm: Math.max(0.5, Math.round(km * 2) / 2) });
				} else found.push({ userId, distanceKm: Math.max(0.5, Math.round(distance / STEPS_PER_HALF_KM) / 2) });
			}
		}
	}
	return found;
}
