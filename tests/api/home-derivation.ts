/**
 * Homes that a people-search answer lets a non-owner derive without printing
 * them: the scanner's second half (see response-scanner.ts).
 * - A distance that is the exact home's distance, finer than the 0.5 km rounding.
 * - A radius filter that follows the exact home: the same point searched with
 *   radii r1 < r2 less than 2 cm apart, the person out at r1 and in at r2, and
 *   the exact home's distance lying in between. A blurred home (0.5–1.5 km
 *   away) puts that edge up to 1.5 km from the home's own distance, within 2 cm
 *   of it only by chance (a blur near tangent to the search circle: ~2 in 10⁵
 *   per search point); a filter on the exact home puts it there every time.
 */
import type { RecordedResponse } from '../helpers/client';
import type { Leak } from './response-scanner';
import { haversineKm } from '../../src/lib/domain/geo';

export interface KnownHome {
	userId: string;
	ownerCookie: string;
	lat: number;
	lng: number;
}

/** How close the two radii around the edge must be (km) to pin a distance. */
const PINNED_KM = 2e-5;

interface Search {
	response: RecordedResponse;
	lat: number;
	lng: number;
	radiusKm: number;
	items: { id: string; distanceKm: number }[];
}

function parseSearch(r: RecordedResponse): Search | null {
	if (r.status !== 200 || !r.path.startsWith('/api/people/near?')) return null;
	const params = new URLSearchParams(r.path.slice(r.path.indexOf('?') + 1));
	const lat = Number(params.get('lat'));
	const lng = Number(params.get('lng'));
	const radiusKm = params.get('radiusKm') ? Number(params.get('radiusKm')) : 10;
	try {
		const body = JSON.parse(r.text) as { items?: { user?: { id?: string }; distanceKm?: number }[] };
		const items = (body.items ?? []).map((i) => ({ id: String(i.user?.id), distanceKm: Number(i.distanceKm) }));
		return { response: r, lat, lng, radiusKm, items };
	} catch {
		return null;
	}
}

/** Every people-search answer from which a non-owner could derive a home. */
export function homeDerivationLeaks(responses: readonly RecordedResponse[], homes: readonly KnownHome[]): Leak[] {
	const homesOf = new Map<string, KnownHome[]>();
	for (const home of homes) homesOf.set(home.userId, [...(homesOf.get(home.userId) ?? []), home]);
	const leaks: Leak[] = [];
	const at = (r: RecordedResponse) => ({ method: r.method, path: r.path, status: r.status });
	/** Per searched point and person: the radii that listed them and those that did not. */
	const edges = new Map<string, { home: KnownHome; exactKm: number; inside: number[]; outside: number[]; last: RecordedResponse }>();

	for (const r of responses) {
		const search = parseSearch(r);
		if (!search) continue;
		const listed = new Map(search.items.map((i) => [i.id, i.distanceKm]));
		for (const [userId, userHomes] of homesOf) {
			for (const home of userHomes) {
				if (home.ownerCookie === r.cookie) continue;
				const exactKm = haversineKm(search.lat, search.lng, home.lat, home.lng);
				const shown = listed.get(userId);
				if (shown !== undefined && !Number.isInteger(shown * 2) && Math.abs(shown - exactKm) < 0.05) {
					leaks.push({ what: `distance to the exact home of ${userId}`, ...at(r) });
				}
				const key = `${search.lat},${search.lng}|${userId}|${home.lat},${home.lng}`;
				const edge = edges.get(key) ?? { home, exactKm, inside: [], outside: [], last: r };
				(shown !== undefined ? edge.inside : edge.outside).push(search.radiusKm);
				edge.last = r;
				edges.set(key, edge);
			}
		}
	}
	for (const { home, exactKm, inside, outside, last } of edges.values()) {
		if (inside.length === 0 || outside.length === 0) continue;
		const r1 = Math.max(...outside);
		const r2 = Math.min(...inside);
		if (r1 < r2 && r2 - r1 <= PINNED_KM && exactKm > r1 - PINNED_KM && exactKm <= r2 + PINNED_KM) {
			leaks.push({ what: `radius filter on the exact home of ${home.userId}`, ...at(last) });
		}
	}
	return leaks;
}
