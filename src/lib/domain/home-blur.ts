/**
 * The blurred home: a point drawn once at random 0.5–1.5 km from a person's
 * real home, on a uniform bearing. People search measures, filters and orders
 * from it alone, so no sequence of queries locates a home better than the blur.
 * Pure: the randomness comes in as two numbers in [0, 1).
 */
import { EARTH_RADIUS_KM, wrapLng } from './geo';

export interface LatLng {
	lat: number;
	lng: number;
}

/** Nearest and farthest a blurred home lies from the real one, in km. */
export const BLUR_MIN_KM = 0.5;
export const BLUR_MAX_KM = 1.5;

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** The point `km` away from `from` on `bearingRad` (clockwise from north), along a great circle. */
export function destination(from: LatLng, km: number, bearingRad: number): LatLng {
	const angular = km / EARTH_RADIUS_KM;
	const lat1 = from.lat * RAD;
	const sinLat = Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearingRad);
	const lat2 = Math.asin(Math.max(-1, Math.min(1, sinLat)));
	const lng2 =
		from.lng * RAD +
		Math.atan2(Math.sin(bearingRad) * Math.sin(angular) * Math.cos(lat1), Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2));
	return { lat: lat2 * DEG, lng: wrapLng(lng2 * DEG) };
}

/**
 * Draws the blurred point of `home`: distance uniform in [0.5, 1.5] km and
 * bearing uniform in [0, 2π), from `distanceDraw` and `bearingDraw` in [0, 1).
 */
export function blurHome(home: LatLng, distanceDraw: number, bearingDraw: number): LatLng {
	const km = BLUR_MIN_KM + clampUnit(distanceDraw) * (BLUR_MAX_KM - BLUR_MIN_KM);
	return destination(home, km, clampUnit(bearingDraw) * 2 * Math.PI);
}

/**
 * Whether a profile change moves the home, so its blur must be drawn again.
 * Setting the same coordinates again keeps the blur: redrawing it on every save
 * would let someone average many blurs back to the home.
 */
export function homeMoved(before: LatLng | null, after: LatLng | null): boolean {
	if (before === null || after === null) return before !== after;
	return before.lat !== after.lat || before.lng !== after.lng;
}

const clampUnit = (x: number) => (Number.isFinite(x) ? Math.min(Math.max(x, 0), 1) : 0);
