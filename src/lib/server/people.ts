/**
 * Engaged neighbours: people who opted in (`discoverable` and a home), near a
 * point, with a rounded distance only. Everything here — the radius filter, the
 * distance and the order — is computed from each person's blurred home (drawn
 * 0.5–1.5 km from the real one, see domain/home-blur) through the
 * `people_blur_geo` R*Tree; the exact home is never read, so no sequence of
 * queries can locate it better than the blur.
 */
import { store } from '$store/db';
import { statement, DISTANCE_FUNCTION, BOX_PAD_DEG } from '$store/proximity-index/statements';
import { radiusBox, type LngRange } from '$lib/domain/geo';
import { matchesSkill } from '$lib/domain/skill-match';
import { DEFAULT_RADIUS_KM, type PeopleNearQuery } from '$lib/domain/validation/query';
import type { UserKind } from '$lib/types';
import { NOT_BLOCKED_WITH_VIEWER } from './moderation/blocks';

export interface PersonNearby {
	user: { id: string; displayName: string; kind: UserKind; skills: string[]; bio: string };
	distanceKm: number;
}

/** At most this many people in one answer. */
const PEOPLE_CAP = 100;

/**
 * Rounds to the nearest 0.5 km, never below 0.5: a coarse distance tells
 * "close by"; the blur, not the rounding, is what keeps the home unknown.
 */
export const coarseDistanceKm = (km: number): number => Math.max(0.5, Math.round(km * 2) / 2);

interface Row {
	id: string;
	displayName: string;
	kind: UserKind;
	skills: string;
	bio: string;
	km: number;
}

/** Candidates in the box, with their distance from the blurred home; one SQL text per number of lng ranges. */
function candidatesSql(ranges: number): string {
	const lng = Array.from({ length: ranges }, () => '(g.max_lng >= ? AND g.min_lng <= ?)').join(' OR ');
	return `SELECT u.id AS id, u.display_name AS displayName, u.kind AS kind, u.skills AS skills, u.bio AS bio,
			${DISTANCE_FUNCTION}(?, ?, u.home_blur_lat, u.home_blur_lng) AS km
		FROM people_blur_geo g JOIN users u ON u.rowid = g.id
		WHERE g.max_lat >= ? AND g.min_lat <= ? AND (${lng})
			AND u.discoverable = 1 AND u.id <> ? AND ${NOT_BLOCKED_WITH_VIEWER}`;
}

/** Discoverable people near a point, nearest first (by rounded distance), excluding the viewer. */
export function findPeopleNear(viewerId: string, q: PeopleNearQuery): PersonNearby[] {
	const radiusKm = q.radiusKm ?? DEFAULT_RADIUS_KM;
	const box = radiusBox(q.lat, q.lng, radiusKm);
	const lngParams = box.lngRanges.flatMap(([lo, hi]: LngRange) => [lo - BOX_PAD_DEG, hi + BOX_PAD_DEG]);
	const rows = statement(store().sqlite, candidatesSql(box.lngRanges.length)).all(
		q.lat,
		q.lng,
		box.minLat - BOX_PAD_DEG,
		box.maxLat + BOX_PAD_DEG,
		...lngParams,
		viewerId,
		viewerId,
		viewerId
	) as Row[];
	return rows
		.flatMap((row) => {
			if (row.km > radiusKm) return [];
			const skills = JSON.parse(row.skills) as string[];
			if (q.skill && !matchesSkill(q.skill, skills)) return [];
			const user = { id: row.id, displayName: row.displayName, kind: row.kind, skills, bio: row.bio };
			return [{ user, distanceKm: coarseDistanceKm(row.km) }];
		})
		// Ordered by the rounded distance, then id: the order says nothing finer than the figures.
		.sort((a, b) => a.distanceKm - b.distanceKm || (a.user.id < b.user.id ? -1 : 1))
		.slice(0, PEOPLE_CAP);
}
