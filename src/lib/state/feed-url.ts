/**
 * The feed's state in the address (origin, radius, category, search), so Back
 * and a shared link bring the same list: `?lat=45.76&lng=4.84&at=Lyon&km=25&cat=food&q=jardin`.
 * Pure functions; the home origin is the default and is never written out
 * (the address bar must not carry a home's coordinates).
 */
import { CATEGORIES, type Category } from '$lib/domain/validation/initiative';
import type { FeedOrigin } from './feed.svelte';

export interface FeedUrlState {
	origin: FeedOrigin | null;
	radiusKm: number;
	category: Category | '';
	query: string;
}

const DEFAULT_RADIUS_KM = 10;
const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** The query string for a feed state (empty for the default feed around home). */
export function feedQuery(state: FeedUrlState): URLSearchParams {
	const params = new URLSearchParams();
	const origin = state.origin;
	if (origin && origin.kind !== 'home') {
		params.set('lat', String(round(origin.lat)));
		params.set('lng', String(round(origin.lng)));
		if (origin.label) params.set('at', origin.label);
		if (origin.kind === 'position') params.set('from', 'position');
	}
	if (state.radiusKm !== DEFAULT_RADIUS_KM) params.set('km', String(state.radiusKm));
	if (state.category) params.set('cat', state.category);
	if (state.query.trim()) params.set('q', state.query.trim());
	return params;
}

/** Reads a feed state from a query string; what is missing or invalid is left out. */
export function feedFromQuery(params: URLSearchParams, radii: readonly number[]): Partial<FeedUrlState> {
	const state: Partial<FeedUrlState> = {};
	const lat = Number(params.get('lat'));
	const lng = Number(params.get('lng'));
	if (params.has('lat') && params.has('lng') && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && Number.isFinite(lat + lng)) {
		const label = params.get('at') ?? undefined;
		state.origin = { kind: params.get('from') === 'position' ? 'position' : 'place', lat, lng, ...(label ? { label } : {}) };
	}
	const km = Number(params.get('km'));
	if (radii.includes(km)) state.radiusKm = km;
	const cat = params.get('cat');
	if (cat && (CATEGORIES as readonly string[]).includes(cat)) state.category = cat as Category;
	const q = params.get('q')?.slice(0, 100);
	if (q) state.query = q;
	return state;
}
