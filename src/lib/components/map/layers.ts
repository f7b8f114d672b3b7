/** Map layers shared by the map pages: a single highlighted point. */
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

export const POINT_COLOR = '#1f6f4a';

const pointData = (lat: number, lng: number): FeatureCollection => ({
	type: 'FeatureCollection',
	features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lng, lat] } }]
});

/** Adds (or moves) the marker drawn as a circle layer: no image or glyph needed offline. */
export function showPoint(map: MaplibreMap, point: { lat: number; lng: number } | null): void {
	const data = point ? pointData(point.lat, point.lng) : { type: 'FeatureCollection' as const, features: [] };
	const source = map.getSource<GeoJSONSource>('the-point');
	if (source) {
		source.setData(data).catch((err: unknown) => console.error('map point update failed', err));
		return;
	}
	map.addSource('the-point', { type: 'geojson', data });
	map.addLayer({
		id: 'the-point',
		type: 'circle',
		source: 'the-point',
		paint: {
			'circle-radius': 9,
			'circle-color': POINT_COLOR,
			'circle-stroke-color': '#ffffff',
			'circle-stroke-width': 3
		}
	});
}
