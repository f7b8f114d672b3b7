/** Loads the embedded gazetteer once (precached by the service worker for offline search). */
import { indexPlaces, type PlaceIndex, type PlaceRow } from '$lib/domain/places';

let loading: Promise<PlaceIndex> | undefined;

export function loadPlaces(): Promise<PlaceIndex> {
	loading ??= fetch('/data/places-fr.json')
		.then((r) => {
			if (!r.ok) throw new Error(`gazetteer ${r.status}`);
			return r.json() as Promise<{ places: PlaceRow[] }>;
		})
		.then((data) => indexPlaces(data.places))
		.catch((err: unknown) => {
			loading = undefined;
			throw err;
		});
	return loading;
}
