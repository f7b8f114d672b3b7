/** The initiatives inside the map's current view, refetched (debounced) when the view moves. */
import type { FeatureCollection, Point } from 'geojson';
import { api, ApiClientError } from '$lib/api/client';
import { geojsonUrl, type Bbox } from '$lib/domain/map-bbox';
import type { Category } from '$lib/domain/validation/initiative';
import { lastCachedGeojson } from '$lib/local/cache/map';

export interface MapItem {
	id: string;
	title: string;
	category: Category;
	memberCount: number;
	lat: number;
	lng: number;
}
export type InitiativeCollection = FeatureCollection<Point, Omit<MapItem, 'lat' | 'lng'>>;

const MOVE_DEBOUNCE_MS = 300;
const EMPTY: InitiativeCollection = { type: 'FeatureCollection', features: [] };

export class MapArea {
	bbox = $state<Bbox | null>(null);
	/** Kept raw: maplibre takes it as is, and it can hold thousands of features. */
	collection = $state.raw<InitiativeCollection>(EMPTY);
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	error = $state<'network' | 'server' | null>(null);
	/** Offline: the list shows the last answer this device kept, maybe for another view. */
	fromCache = $state(false);
	readonly items: MapItem[] = $derived(
		this.collection.features
			.map((f) => ({ ...f.properties, lng: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }))
			.sort((a, b) => a.title.localeCompare(b.title))
	);
	readonly downloadUrl = $derived(this.bbox ? geojsonUrl(this.bbox) : '/api/initiatives.geojson');
	#generation = 0;
	#debounce: ReturnType<typeof setTimeout> | undefined;

	/** The view moved: fetch once it settles. */
	moved(bbox: Bbox): void {
		this.bbox = bbox;
		clearTimeout(this.#debounce);
		this.#debounce = setTimeout(() => void this.refresh(), MOVE_DEBOUNCE_MS);
	}

	async refresh(): Promise<void> {
		clearTimeout(this.#debounce);
		if (!this.bbox) return;
		const generation = ++this.#generation;
		this.status = 'loading';
		try {
			const collection = await api<InitiativeCollection>(geojsonUrl(this.bbox));
			if (generation !== this.#generation) return;
			this.collection = collection;
			this.fromCache = false;
			this.status = 'ready';
			this.error = null;
		} catch (err) {
			if (generation !== this.#generation) return;
			const network = err instanceof ApiClientError && err.isNetwork;
			const kept = network ? await lastCachedGeojson<InitiativeCollection>().catch(() => null) : null;
			if (generation !== this.#generation) return;
			this.fromCache = kept !== null;
			if (kept) this.collection = kept;
			this.error = kept ? null : network ? 'network' : 'server';
			this.status = kept ? 'ready' : 'error';
		}
	}

	dispose(): void {
		clearTimeout(this.#debounce);
		this.#generation++;
	}
}
