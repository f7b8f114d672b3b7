/** Open data: initiatives in a box as a GeoJSON FeatureCollection. */
import { inArray } from 'drizzle-orm';
import { db, store } from '$store/db';
import { initiatives } from '$store/schema';
import { findInBox } from '$store/proximity-index';
import { splitLngRange } from '$lib/domain/geo';
import type { BboxQuery } from '$lib/domain/validation/query';

/** Keeps one answer small enough for a phone's map; zoom in for more. */
export const GEOJSON_FEATURE_CAP = 5000;

export interface FeatureCollection {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		geometry: { type: 'Point'; coordinates: [number, number] };
		properties: { id: string; title: string; category: string; memberCount: number };
	}[];
}

/** Initiatives inside `bbox` (the whole world without one), at most GEOJSON_FEATURE_CAP. */
export function initiativesGeoJson(bbox: BboxQuery['bbox']): { collection: FeatureCollection; truncated: boolean } {
	const b = bbox ?? { minLng: -180, minLat: -90, maxLng: 180, maxLat: 90 };
	// minLng > maxLng: the box crosses the antimeridian.
	const lngRanges = b.minLng <= b.maxLng ? [[b.minLng, b.maxLng] as [number, number]] : splitLngRange(b.minLng, b.maxLng + 360);
	const pks = findInBox(store().sqlite, { minLat: b.minLat, maxLat: b.maxLat, lngRanges }, GEOJSON_FEATURE_CAP + 1);
	const truncated = pks.length > GEOJSON_FEATURE_CAP;
	const rows = [];
	// Chunks stay under SQLite's bound-parameter limit.
	for (let i = 0; i < Math.min(pks.length, GEOJSON_FEATURE_CAP); i += 900) {
		const chunk = pks.slice(i, Math.min(i + 900, GEOJSON_FEATURE_CAP));
		rows.push(
			...db()
				.select({
					id: initiatives.id,
					title: initiatives.title,
					category: initiatives.category,
					memberCount: initiatives.memberCount,
					lat: initiatives.lat,
					lng: initiatives.lng
				})
				.from(initiatives)
				.where(inArray(initiatives.pk, chunk))
				.all()
		);
	}
	// The R*Tree is float32: drop the odd point just outside the requested box.
	const inside = rows.filter(
		(r) => r.lat >= b.minLat && r.lat <= b.maxLat && lngRanges.some(([lo, hi]) => r.lng >= lo && r.lng <= hi)
	);
	return {
		truncated,
		collection: {
			type: 'FeatureCollection',
			features: inside.map((r) => ({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
				properties: { id: r.id, title: r.title, category: r.category, memberCount: r.memberCount }
			}))
		}
	};
}
