/** Great-circle geometry on a spherical Earth. Pure: no I/O. */

/** IUGG mean Earth radius in km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** Great-circle distance in km between two WGS84 points (haversine, stable for short distances). */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
	const dLat = (lat2 - lat1) * RAD;
	const dLng = (lng2 - lng1) * RAD;
	const s = Math.sin(dLat / 2);
	const t = Math.sin(dLng / 2);
	const a = s * s + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * t * t;
	// min(1, …) guards against rounding just above 1 for antipodal points.
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, a)));
}

/** A closed longitude interval with min ≤ max, both within [-180, 180]. */
export type LngRange = [min: number, max: number];

/** Every point within a radius lies in this box; a box crossing the antimeridian has two lng ranges. */
export interface RadiusBox {
	minLat: number;
	maxLat: number;
	lngRanges: LngRange[];
}

/**
 * The smallest lat/lng box holding the circle of `radiusKm` around a point
 * (the box is a candidate filter: callers still check the exact distance).
 * Near a pole the circle covers every longitude; across the antimeridian
 * the longitudes split into two ranges.
 */
export function radiusBox(lat: number, lng: number, radiusKm: number): RadiusBox {
	const angular = radiusKm / EARTH_RADIUS_KM;
	const minLat = lat - angular * DEG;
	const maxLat = lat + angular * DEG;
	if (angular >= Math.PI || maxLat >= 90 || minLat <= -90) {
		return { minLat: Math.max(-90, minLat), maxLat: Math.min(90, maxLat), lngRanges: [[-180, 180]] };
	}
	// Widest longitude offset on the circle (reached north/south of the centre's parallel).
	const ratio = Math.sin(angular) / Math.cos(lat * RAD);
	if (ratio >= 1) return { minLat, maxLat, lngRanges: [[-180, 180]] };
	const dLng = Math.asin(ratio) * DEG;
	return { minLat, maxLat, lngRanges: splitLngRange(lng - dLng, lng + dLng) };
}

/**
 * Normalizes a longitude interval that may run past ±180 into ranges
 * within [-180, 180]; an interval wider than 360° is the whole circle.
 */
export function splitLngRange(min: number, max: number): LngRange[] {
	if (max - min >= 360) return [[-180, 180]];
	const lo = wrapLng(min);
	const hi = wrapLng(max);
	if (lo <= hi) return [[lo, hi]];
	return [
		[lo, 180],
		[-180, hi]
	];
}

/** Longitude brought into [-180, 180). 180 stays 180 so a range can end on the antimeridian. */
export function wrapLng(lng: number): number {
	if (lng >= -180 && lng <= 180) return lng;
	return ((((lng + 180) % 360) + 360) % 360) - 180;
}

/** Distance rounded for display in an API answer (ordering always uses the exact value). */
export const roundKm = (km: number, step = 0.01): number => Number((Math.round(km / step) * step).toFixed(6));

/** Degrees between two longitudes the shorter way round (0…180). */
function lngGap(a: number, b: number): number {
	const d = Math.abs(a - b) % 360;
	return d > 180 ? 360 - d : d;
}

/** A lat/lng rectangle, min ≤ max on both axes, longitudes within [-180, 180]. */
export interface LatLngBox {
	minLat: number;
	maxLat: number;
	minLng: number;
	maxLng: number;
}

/**
 * A distance in km no point of `box` is closer than (never more than the true minimum,
 * so a search may skip a box whose bound already exceeds what it has found). Each term of
 * the haversine is bounded on its own: the latitude gap to the box, the longitude gap
 * (the shorter way round) and the smaller cosine of the box's latitudes; the result is
 * shaved by a millionth of a metre per km so rounding never lifts it above a true distance.
 */
export function minDistanceToBoxKm(lat: number, lng: number, box: LatLngBox): number {
	const dLat = lat < box.minLat ? box.minLat - lat : lat > box.maxLat ? lat - box.maxLat : 0;
	const dLng = lng < box.minLng || lng > box.maxLng ? Math.min(lngGap(lng, box.minLng), lngGap(lng, box.maxLng)) : 0;
	const s = Math.sin((dLat * RAD) / 2);
	const t = Math.sin((dLng * RAD) / 2);
	const cosBox = Math.max(0, Math.min(Math.cos(box.minLat * RAD), Math.cos(box.maxLat * RAD)));
	const a = s * s + Math.max(0, Math.cos(lat * RAD)) * cosBox * t * t;
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, a))) * (1 - 1e-9);
}
