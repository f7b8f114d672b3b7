/**
 * The proximity feed: where to look, the filters, and the pages fetched so
 * far. Every request goes through `#fetchPage`, the one place an offline cache
 * can hook into later.
 */
import { api, ApiClientError } from '$lib/api/client';
import type { Category } from '$lib/domain/validation/initiative';
import type { NearbyInitiative } from '$lib/types';
// The offline copy (Dexie) loads on first use, outside the feed's first render.
const feedCache = () => import('$lib/local/cache/feed');

export const RADII_KM = [2, 5, 10, 25, 50] as const;
export const PAGE_SIZE = 20;
const QUERY_DEBOUNCE_MS = 350;

export type OriginKind = 'home' | 'position' | 'place';
export interface FeedOrigin {
	kind: OriginKind;
	lat: number;
	lng: number;
	/** A place name to show, when known. */
	label?: string;
}

interface NearPage {
	items: NearbyInitiative[];
	nextCursor: string | null;
}

export type FeedStatus = 'idle' | 'loading' | 'more' | 'ready' | 'error';

export class Feed {
	origin = $state<FeedOrigin | null>(null);
	radiusKm = $state<number>(10);
	category = $state<Category | ''>('');
	query = $state('');
	items = $state<NearbyInitiative[]>([]);
	status = $state<FeedStatus>('idle');
	/** Translatable reason of the last failure: network or server. */
	error = $state<'network' | 'server' | null>(null);
	/** The items shown are the copy kept on this device (the network is down). */
	fromCache = $state(false);
	/** Offline: the radius the kept copy was fetched with, and whether it answered other filters. */
	cachedRadiusKm = $state<number | null>(null);
	cachedOtherFilters = $state(false);
	#nextCursor = $state<string | null>(null);
	/** Answers to superseded queries are dropped. */
	#generation = 0;
	#debounce: ReturnType<typeof setTimeout> | undefined;

	readonly hasMore = $derived(this.#nextCursor !== null);
	readonly busy = $derived(this.status === 'loading' || this.status === 'more');

	setOrigin(origin: FeedOrigin | null): void {
		this.origin = origin;
		void this.reload();
	}

	setRadius(km: number): void {
		this.radiusKm = km;
		void this.reload();
	}

	setCategory(category: Category | ''): void {
		this.category = category;
		void this.reload();
	}

	/** Typing in the search box: reload once the person pauses. */
	setQuery(query: string): void {
		this.query = query;
		clearTimeout(this.#debounce);
		this.#debounce = setTimeout(() => void this.reload(), QUERY_DEBOUNCE_MS);
	}

	/** Fetches the first page again for the current origin and filters. */
	async reload(): Promise<void> {
		clearTimeout(this.#debounce);
		const generation = ++this.#generation;
		this.#nextCursor = null;
		if (!this.origin) {
			this.items = [];
			this.status = 'idle';
			return;
		}
		this.status = 'loading';
		this.error = null;
		await this.#load(generation, null, false);
	}

	/** Appends the next page (infinite scroll or the "Voir plus" button). */
	async loadMore(): Promise<void> {
		if (this.busy || !this.#nextCursor) return;
		this.status = 'more';
		await this.#load(this.#generation, this.#nextCursor, true);
	}

	/** After a failure: the next page again if some are shown, else the first. */
	retry(): Promise<void> {
		return this.items.length && this.#nextCursor ? this.loadMore() : this.reload();
	}

	dispose(): void {
		clearTimeout(this.#debounce);
		this.#generation++;
	}

	async #load(generation: number, cursor: string | null, append: boolean): Promise<void> {
		try {
			const page = await this.#fetchPage(cursor);
			if (generation !== this.#generation) return;
			let items = page.items;
			if (!append) {
				const cache = await feedCache();
				await cache.saveCachedFeed(items, this.#query()).catch(() => undefined);
				items = cache.withLocalCreations(items, await this.#localCreations());
			}
			if (generation !== this.#generation) return;
			this.items = append ? [...this.items, ...items] : items;
			this.#nextCursor = page.nextCursor;
			this.fromCache = false;
			this.status = 'ready';
		} catch (err) {
			if (generation !== this.#generation) return;
			const network = err instanceof ApiClientError && err.isNetwork;
			// Offline: show the feed as last seen, plus what was created here meanwhile.
			const cached = network && !append ? await this.#offlineItems() : [];
			if (generation !== this.#generation) return;
			if (cached.length) {
				this.items = cached;
				this.fromCache = true;
				this.status = 'ready';
				return;
			}
			this.error = network ? 'network' : 'server';
			this.status = 'error';
		}
	}

	async #localCreations(): Promise<NearbyInitiative[]> {
		if (!this.origin) return [];
		const { readLocalCreations } = await feedCache();
		return readLocalCreations(this.origin.lat, this.origin.lng).catch(() => []);
	}

	#query(): { radiusKm: number; category: string; q: string } {
		return { radiusKm: this.radiusKm, category: this.category, q: this.query.trim() };
	}

	/**
	 * Offline: what the kept copy knows that fits the wanted radius and category
	 * (a text search cannot be redone here), and what it was fetched for.
	 */
	async #offlineItems(): Promise<NearbyInitiative[]> {
		const { readCachedFeed, withLocalCreations } = await feedCache();
		const { items, query } = await readCachedFeed().catch(() => ({ items: [], query: null }));
		const wanted = this.#query();
		const fits = items.filter(
			(item) => item.distanceKm <= wanted.radiusKm && (!wanted.category || item.category === wanted.category)
		);
		this.cachedRadiusKm = query?.radiusKm ?? null;
		this.cachedOtherFilters = query !== null && (query.category !== wanted.category || query.q !== wanted.q);
		return withLocalCreations(fits, await this.#localCreations());
	}

	#fetchPage(cursor: string | null): Promise<NearPage> {
		const origin = this.origin;
		if (!origin) return Promise.resolve({ items: [], nextCursor: null });
		const params = new URLSearchParams({
			lat: String(origin.lat),
			lng: String(origin.lng),
			radiusKm: String(this.radiusKm),
			limit: String(PAGE_SIZE)
		});
		if (this.category) params.set('category', this.category);
		const q = this.query.trim();
		if (q) params.set('q', q);
		if (cursor) params.set('cursor', cursor);
		return api<NearPage>(`/api/initiatives/near?${params}`);
	}
}
