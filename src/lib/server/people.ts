/**
 * Engaged neighbours: people who opted in (`discoverable` and a home), near a
 * point, with a rounded distance only. Home coordinates never leave this module.
 */
import { and, between, eq, ne, or, isNotNull } from 'drizzle-orm';
import { db } from '$store/db';
import { users } from '$store/schema';
import { haversineKm, radiusBox } from '$lib/domain/geo';
import { DEFAULT_RADIUS_KM, type PeopleNearQuery } from '$lib/domain/validation/query';
import { normalizePlaceName } from '$lib/domain/places';
import type { UserKind } from '$lib/types';
import { notBlockedWith } from './moderation/blocks';

export interface PersonNearby {
	user: { id: string; displayName: string; kind: UserKind; skills: string[] };
	distanceKm: number;
}

/** At most this many people in one answer. */
const PEOPLE_CAP = 100;

/**
 * Rounds to the nearest 0.5 km, never below 0.5: a coarse distance tells
 * "close by" without letting anyone triangulate a home.
 */
export const coarseDistanceKm = (km: number): number => Math.max(0.5, Math.round(km * 2) / 2);

/** Accent-, case- and spacing-insensitive form of a skill tag. */
const skillKey = (text: string) => normalizePlaceName(text);

/** Discoverable people near a point, nearest first, excluding the viewer. */
export function findPeopleNear(viewerId: string, q: PeopleNearQuery): PersonNearby[] {
	const radiusKm = q.radiusKm ?? DEFAULT_RADIUS_KM;
	const box = radiusBox(q.lat, q.lng, radiusKm);
	const pad = 1e-6;
	const rows = db()
		.select({
			id: users.id,
			displayName: users.displayName,
			kind: users.kind,
			skills: users.skills,
			homeLat: users.homeLat,
			homeLng: users.homeLng
		})
		.from(users)
		.where(
			and(
				eq(users.discoverable, true),
				isNotNull(users.homeLng),
				between(users.homeLat, box.minLat - pad, box.maxLat + pad),
				or(...box.lngRanges.map(([lo, hi]) => between(users.homeLng, lo - pad, hi + pad))),
				ne(users.id, viewerId),
				notBlockedWith(viewerId)
			)
		)
		.all();
	const wanted = q.skill ? skillKey(q.skill) : undefined;
	return rows
		.flatMap((row) => {
			if (row.homeLat === null || row.homeLng === null) return [];
			if (wanted && !row.skills.some((s) => skillKey(s) === wanted)) return [];
			const exact = haversineKm(q.lat, q.lng, row.homeLat, row.homeLng);
			if (exact > radiusKm) return [];
			return [{ exact, id: row.id, person: { user: { id: row.id, displayName: row.displayName, kind: row.kind, skills: row.skills }, distanceKm: coarseDistanceKm(exact) } }];
		})
		// Ordered by the rounded distance only, so the order leaks nothing finer than the figures.
		.sort((a, b) => a.person.distanceKm - b.person.distanceKm || (a.id < b.id ? -1 : 1))
		.slice(0, PEOPLE_CAP)
		.map((entry) => entry.person);
}
