/**
 * Upcoming meetings near a point, from the R*Tree `meeting_geo` over (lat, lng,
 * time): a box around the circle and a time window give the candidates, the
 * exact distance and times decide. Results are ordered by start, so the time
 * window widens (like the distance rings of the initiatives index) until it holds
 * more than `limit` meetings: anything outside starts later than all of them.
 */
import type Database from 'better-sqlite3';
import { radiusBox } from '$lib/domain/geo';
import { BOX_PAD_DEG, DISTANCE_FUNCTION, statement } from './proximity-index/statements';

export interface MeetingNearQuery {
	lat: number;
	lng: number;
	radiusKm: number;
	/** Meetings still going on at `from` (ms) and starting before `to`. */
	from: number;
	to: number;
	limit: number;
}

export interface MeetingHit {
	pk: number;
	id: string;
	distanceKm: number;
}

/** The R*Tree's time unit (see migration 0007): 30 days, so time and degrees weigh alike in its splits. */
const T_UNIT_MS = 30 * 86_400_000;
/** Float32 keeps ≈2.6 min steps of that unit near 2026: pad the window by 10 min. */
const T_PAD = (10 * 60_000) / T_UNIT_MS;
const FIRST_WINDOW_MS = 2 * 86_400_000;

const SQL =
	`SELECT m.pk AS pk, m.id AS id, m.starts_at AS s, ${DISTANCE_FUNCTION}(?, ?, m.lat, m.lng) AS d FROM meeting_geo g CROSS JOIN meetings m ON m.pk = g.id` +
	' WHERE g.max_lat >= ? AND g.min_lat <= ? AND g.max_lng >= ? AND g.min_lng <= ? AND g.max_t >= ? AND g.min_t <= ?' +
	" AND m.ends_at > ? AND m.starts_at <= ? AND m.status = 'confirmed' AND m.hidden = 0" +
	// A meeting of an initiative hidden by moderation is hidden with it.
	' AND NOT EXISTS (SELECT 1 FROM initiatives i WHERE i.id = m.initiative_id AND i.hidden = 1) AND d <= ?' +
	' ORDER BY m.starts_at, m.id LIMIT ?';

function search(sqlite: Database.Database, q: MeetingNearQuery, to: number): MeetingHit[] {
	const box = radiusBox(q.lat, q.lng, q.radiusKm);
	const hits: (MeetingHit & { startsAt: number })[] = [];
	for (const [minLng, maxLng] of box.lngRanges) {
		const rows = statement(sqlite, SQL).all(
			q.lat,
			q.lng,
			box.minLat - BOX_PAD_DEG,
			box.maxLat + BOX_PAD_DEG,
			minLng - BOX_PAD_DEG,
			maxLng + BOX_PAD_DEG,
			q.from / T_UNIT_MS - T_PAD,
			to / T_UNIT_MS + T_PAD,
			q.from,
			to,
			q.radiusKm,
			q.limit + 1
		) as { pk: number; id: string; s: number; d: number }[];
		for (const row of rows) hits.push({ pk: row.pk, id: row.id, distanceKm: row.d, startsAt: row.s });
	}
	// Two longitude ranges (across the antimeridian) each came sorted: merge them.
	if (box.lngRanges.length > 1) hits.sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return hits.map(({ pk, id, distanceKm }) => ({ pk, id, distanceKm }));
}

/** Meetings within the radius overlapping [from, to], soonest first (ties by id), at most `limit`. */
export function findMeetingsNear(sqlite: Database.Database, q: MeetingNearQuery): MeetingHit[] {
	let window = Math.min(q.to - q.from, FIRST_WINDOW_MS);
	for (;;) {
		const to = q.from + window;
		const hits = search(sqlite, q, to);
		if (hits.length > q.limit || to >= q.to) return hits.slice(0, q.limit);
		window = Math.min(q.to - q.from, window * 4);
	}
}
