/**
 * The map's offline side: the service worker keeps each GeoJSON answer in the
 * API cache, keyed by its bounding box. Offline, a view that moved by a pixel
 * has another key, so the map falls back to the newest answer kept, whatever
 * its box: the initiatives last seen are better than an empty list.
 */
import { RUNTIME_CACHES } from '../../../service-worker/routes';

/** The newest `/api/initiatives.geojson` answer kept by the service worker, parsed. */
export async function lastCachedGeojson<T>(): Promise<T | null> {
	if (typeof caches === 'undefined' || !(await caches.has(RUNTIME_CACHES.api))) return null;
	const cache = await caches.open(RUNTIME_CACHES.api);
	let newest: { response: Response; time: number } | null = null;
	for (const request of await cache.keys()) {
		if (new URL(request.url).pathname !== '/api/initiatives.geojson') continue;
		const response = await cache.match(request);
		const time = Date.parse(response?.headers.get('date') ?? '') || 0;
		if (response && (!newest || time >= newest.time)) newest = { response, time };
	}
	return newest ? ((await newest.response.json()) as T) : null;
}
