/**
 * Who is alerted of a new initiative: people whose alert circle (their own
 * `nearbyRadiusKm`, default 5) around their BLURRED home covers it, grouped
 * by distance rounded to 0.5 km (one write per distance, on-events.ts). Within
 * r of the place is within r of the home, so for each radius people chose,
 * the candidates are the homes of that radius inside the place's own box of
 * that radius. `people_alert_homes` (drizzle/0012, kept by triggers) holds one
 * row per person who can be alerted, clustered by radius, latitude band and
 * longitude, with the blurred home as a unit vector and the id inline: a
 * radius costs one seek and one contiguous range of longitudes per band,
 * nothing is joined, and SQLite tests the circle and groups the ids by
 * distance, so a city place (thousands of people) makes a few dozen JS values,
 * not an array and an object per person. The distances are exactly the
 * haversine's (see MARGIN_STEPS). Never a scan of all users, never the exact home.
 */
import { store } from '$store/db';
import { perConnection } from '$store/per-connection';
import { EARTH_RADIUS_KM, haversineKm, radiusBox } from '$lib/domain/geo';

/** The people alerted at one distance. */
export interface AlertedAtDistance {
	/** From the blurred home, rounded to 0.5 km and never below 0.5 (as people search shows it). */
	distanceKm: number;
	userIds: string[];
}

/** Height of a latitude band in degrees: `floor(lat / 0.05)` in drizzle/0012's `people_alert_home` view. */
const BAND_DEG = 0.05;
/**
 * Added to the radius for the candidate filters only (box and chord): a home
 * the haversine puts at r stays a candidate whatever the rounding.
 */
const SLACK_KM = 0.001;
/**
 * SQLite measures each distance as an integer count of these steps (0.5 mm)
 * in half-kilometres and groups by the nearest half-kilometre. Its chord
 * formula differs from haversineKm by ~1e-11 km; anyone within MARGIN_STEPS
 * (5 mm) of their radius or of a rounding boundary (x.25, x.75 km) is put in
 * a group of their own (-1) and measured again here with haversineKm, so the
 * results are exactly the haversine's.
 */
const STEPS_PER_HALF_KM = 1_000_000;
const MARGIN_STEPS = 10;
const RECHECK = -1;
const RAD = Math.PI / 180;

const statements = perConnection((sqlite) => {
	const chord2 = '((x - @x) * (x - @x) + (y - @y) * (y - @y) + (z - @z) * (z - @z))';
	const half = STEPS_PER_HALF_KM;
	return {
		// One seek in the key's first column: the radii people chose, smallest first.
		nextRadius: sqlite.prepare('SELECT radius_km FROM people_alert_homes WHERE radius_km > ? ORDER BY radius_km LIMIT 1').pluck(),
		// The bands as a list, so that each is a seek then a range of longitudes (a range of bands would
		// read every longitude of them). `LIMIT -1` keeps the inner query a co-routine (not flattened into
		// the grouping), so each distance is computed once.
		groups: sqlite
			.prepare(
				`WITH RECURSIVE bands(band) AS (SELECT @firstBand UNION ALL SELECT band + 1 FROM bands WHERE band < @lastBand)
				 SELECT CASE WHEN abs(steps - @limit) <= ${MARGIN_STEPS} OR abs(steps % ${half} - ${half / 2}) <= ${MARGIN_STEPS} THEN ${RECHECK}
				             ELSE (steps + ${half / 2}) / ${half} END AS half_km, json_group_array(user_id)
				 FROM (SELECT user_id, CAST(round(asin(min(1.0, sqrt(${chord2}) / 2)) * @steps) AS integer) AS steps
				       FROM people_alert_homes
				       WHERE radius_km = @radius AND band IN bands AND lng BETWEEN @minLng AND @maxLng AND ${chord2} <= @maxChord2
				         AND user_id IS NOT @actorId
				       LIMIT -1)
				 WHERE steps <= @limit + ${MARGIN_STEPS}
				 GROUP BY half_km`
			)
			.raw(true),
		blurredHome: sqlite.prepare('SELECT home_blur_lat, home_blur_lng FROM users WHERE id = ?').raw(true)
	};
});

const rounded = (halfKm: number) => Math.max(0.5, halfKm / 2);

/** People to alert of an initiative at (`lat`, `lng`), the actor excepted, by distance. */
export function peopleAlertedAt(lat: number, lng: number, actorId: string | null): AlertedAtDistance[] {
	const { nextRadius, groups, blurredHome } = statements(store().sqlite);
	const cosLat = Math.cos(lat * RAD);
	const place = { x: cosLat * Math.cos(lng * RAD), y: cosLat * Math.sin(lng * RAD), z: Math.sin(lat * RAD) };
	const steps = 4 * EARTH_RADIUS_KM * STEPS_PER_HALF_KM; // distance = 2R·asin(chord / 2), in steps of half-km
	const byDistance = new Map<number, string[]>();
	const add = (distanceKm: number, userIds: string[]) => {
		const same = byDistance.get(distanceKm);
		if (same) for (const id of userIds) same.push(id);
		else byDistance.set(distanceKm, userIds);
	};
	for (let radius = nextRadius.get(0) as number | undefined; radius !== undefined; radius = nextRadius.get(radius) as number | undefined) {
		const box = radiusBox(lat, lng, radius + SLACK_KM);
		const angle = Math.min(Math.PI, (radius + SLACK_KM) / EARTH_RADIUS_KM);
		const common = {
			...place,
			steps,
			radius,
			actorId,
			limit: radius * 2 * STEPS_PER_HALF_KM,
			maxChord2: (2 * Math.sin(angle / 2)) ** 2,
			firstBand: Math.floor(box.minLat / BAND_DEG),
			lastBand: Math.floor(box.maxLat / BAND_DEG)
		};
		for (const [minLng, maxLng] of box.lngRanges) {
			for (const [halfKm, json] of groups.all({ ...common, minLng, maxLng }) as [halfKm: number, userIds: string][]) {
				const userIds = JSON.parse(json) as string[];
				if (halfKm !== RECHECK) {
					add(rounded(halfKm), userIds);
					continue;
				}
				for (const userId of userIds) {
					const [homeLat, homeLng] = blurredHome.get(userId) as [number, number];
					const km = haversineKm(lat, lng, homeLat, homeLng);
					if (km <= radius) add(rounded(Math.round(km * 2)), [userId]);
				}
			}
		}
	}
	return [...byDistance].map(([distanceKm, userIds]) => ({ distanceKm, userIds }));
}
