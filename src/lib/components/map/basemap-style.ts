/**
 * The offline basemap: land, sea and borders from Natural Earth, approximate
 * département and région borders, and town and
 * village names from the embedded gazetteer, shown by population as you zoom.
 * The style has no `glyphs` URL: MapLibre then draws its letters from the
 * device's own fonts, so names render with no request at all.
 */
import type { MapOptions } from 'maplibre-gl';
import { loadPlaces } from '$lib/local/cache/gazetteer';
import { placeLabelFeatures } from '$lib/domain/map-labels';

type StyleSpec = Exclude<MapOptions['style'], string | undefined>;

/** Font stack for every label; MapLibre falls back to the device's sans-serif. */
export const LABEL_FONT = ['Noto Sans Regular'];
/** The id of the town names layer (tests read it with queryRenderedFeatures). */
export const PLACE_LABELS_LAYER = 'place-labels';

let labels: Promise<ReturnType<typeof placeLabelFeatures>> | undefined;

/** Town names (built once per page), empty when the gazetteer cannot load (the map still shows). */
function placeLabels() {
	labels ??= loadPlaces()
		.then((index) => placeLabelFeatures(index.rows))
		.catch((err: unknown) => {
			console.warn('map labels unavailable', err);
			labels = undefined;
			return { type: 'FeatureCollection' as const, features: [] };
		});
	return labels;
}

/** The embedded style, with the gazetteer's names. */
export async function embeddedStyle(): Promise<StyleSpec> {
	const shown = ['<=', ['get', 'z'], ['zoom']] as const;
	return {
		version: 8,
		name: 'kohero-embedded',
		sources: {
			basemap: {
				type: 'geojson',
				// Absolute: the worker resolves relative URLs against its own script.
				data: new URL('/map/basemap.json', location.origin).href,
				attribution: 'Natural Earth'
			},
			// Approximate département and région borders (scripts/build-admin-borders.mjs).
			admin: { type: 'geojson', data: new URL('/map/admin-fr.json', location.origin).href },
			places: { type: 'geojson', data: await placeLabels(), attribution: 'GeoNames (CC BY 4.0)' }
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': '#cfe2ea' } },
			{ id: 'land', type: 'fill', source: 'basemap', filter: ['==', ['get', 'kind'], 'land'], paint: { 'fill-color': '#f4f1e6' } },
			{
				id: 'admin-borders',
				type: 'line',
				source: 'admin',
				minzoom: 5,
				paint: {
					'line-color': ['match', ['get', 'kind'], 'region', '#9c9585', '#b9b2a2'],
					'line-width': ['interpolate', ['linear'], ['zoom'], 5, ['match', ['get', 'kind'], 'region', 1, 0.5], 11, ['match', ['get', 'kind'], 'region', 2.2, 1.3]],
					'line-dasharray': [4, 2]
				}
			},
			{
				id: 'borders',
				type: 'line',
				source: 'basemap',
				filter: ['==', ['get', 'kind'], 'border'],
				paint: { 'line-color': '#8d877a', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 10, 1.6] }
			},
			{
				id: 'place-dots',
				type: 'circle',
				source: 'places',
				filter: shown as never,
				paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 1.5, 12, 3], 'circle-color': '#5d584c' }
			},
			{
				id: PLACE_LABELS_LAYER,
				type: 'symbol',
				source: 'places',
				filter: shown as never,
				layout: {
					'text-field': ['get', 'name'],
					'text-font': LABEL_FONT,
					'text-size': ['step', ['get', 'population'], 11, 10_000, 12, 80_000, 13.5, 500_000, 15.5],
					'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
					'text-radial-offset': 0.45,
					'text-padding': 3,
					'text-max-width': 8,
					'symbol-sort-key': ['-', 0, ['get', 'population']]
				},
				paint: { 'text-color': '#2b2a26', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 }
			}
		]
	};
}
