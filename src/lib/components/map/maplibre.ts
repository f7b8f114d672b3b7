/**
 * Loads maplibre-gl on demand (it is big: only pages showing a map pay for it)
 * and picks the style: the configured tile style when reachable, else the
 * embedded offline basemap shipped in static/map/.
 */
import { env } from '$env/dynamic/public';
import type { MapOptions } from 'maplibre-gl';

export type Maplibre = typeof import('maplibre-gl');
export type StyleSpec = Exclude<MapOptions['style'], string | undefined>;

let loading: Promise<Maplibre> | undefined;

/** The maplibre-gl module with its worker URL set (Vite cannot find the worker by itself). */
export function loadMaplibre(): Promise<Maplibre> {
	loading ??= Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		import('maplibre-gl/dist/maplibre-gl.css')
	])
		.then(([maplibre, worker]) => {
			maplibre.setWorkerUrl(worker.default);
			return maplibre;
		})
		.catch((err: unknown) => {
			loading = undefined;
			throw err;
		});
	return loading;
}

/** The light basemap: land, sea and borders from Natural Earth, no glyphs or remote requests. */
export function embeddedStyle(): StyleSpec {
	return {
		version: 8,
		sources: {
			basemap: {
				type: 'geojson',
				// Absolute: the worker resolves relative URLs against its own script.
				data: new URL('/map/basemap.json', location.origin).href,
				attribution: 'Natural Earth'
			}
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': '#cfe2ea' } },
			{ id: 'land', type: 'fill', source: 'basemap', filter: ['==', ['get', 'kind'], 'land'], paint: { 'fill-color': '#f4f1e6' } },
			{
				id: 'borders',
				type: 'line',
				source: 'basemap',
				filter: ['==', ['get', 'kind'], 'border'],
				paint: { 'line-color': '#8d877a', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 10, 1.6] }
			}
		]
	};
}

let chosen: Promise<string | StyleSpec> | undefined;

/** PUBLIC_MAP_STYLE_URL when it answers within 3 s, else the embedded style (offline, unset, down). */
export function mapStyle(): Promise<string | StyleSpec> {
	chosen ??= (async () => {
		const url = env.PUBLIC_MAP_STYLE_URL;
		if (!url || !navigator.onLine) return embeddedStyle();
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
			return response.ok ? url : embeddedStyle();
		} catch {
			return embeddedStyle();
		}
	})();
	return chosen;
}
