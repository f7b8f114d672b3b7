/** Turning a map view into the `bbox` parameter of `/api/initiatives.geojson`. Pure. */

export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

const wrapLng = (lng: number): number => ((((lng + 180) % 360) + 360) % 360) - 180;
const clampLat = (lat: number): number => Math.max(-90, Math.min(90, lat));
const round = (n: number): number => Math.round(n * 1e5) / 1e5;

/**
 * The view's west/south/east/north (maplibre lets longitudes run past ±180)
 * as a valid bbox: the whole world when wider than 360°, else wrapped, with
 * minLng > maxLng when it crosses the antimeridian (as API.md allows).
 */
export function viewToBbox(west: number, south: number, east: number, north: number): Bbox {
	const lat: [number, number] = [round(clampLat(south)), round(clampLat(north))];
	if (east - west >= 360) return [-180, lat[0], 180, lat[1]];
	let minLng = wrapLng(west);
	let maxLng = wrapLng(east);
	// wrapLng maps 180 to -180: keep a view ending exactly on the antimeridian whole.
	if (maxLng === -180 && east > west) maxLng = 180;
	if (minLng === 180) minLng = -180;
	return [round(minLng), lat[0], round(maxLng), lat[1]];
}

/** The open-data URL for a bbox. */
export const geojsonUrl = (bbox: Bbox): string => `/api/initiatives.geojson?bbox=${bbox.join(',')}`;
