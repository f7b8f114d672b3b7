/** Loads the embedded gazetteer once (precached by the service worker for offline search). */
import { indexPlaces, type PlaceIndex, type PlaceRow } from '$lib/domain/places';
import { api } from '$lib/api/client';

let loading: Promise<PlaceIndex> | undefined;

export function loadPlaces(): Promise<PlaceIndex> {
	loading ??= api<{ places: PlaceRow[] }>('/data/places-fr.json')
		.then((data) => indexPlaces(data.places))
		.catch((err: unknown) => {
			loading = undefined;
			throw err;
		});
	return loading;
}
