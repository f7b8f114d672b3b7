/** What the proximity index is asked and what it answers. */
import type { TextMatch } from './text-match';

export interface ProximityQuery {
	lat: number;
	lng: number;
	radiusKm: number;
	limit: number;
	category?: string;
	/** The text to find, already made safe by `ftsQueryFromText`. */
	match?: TextMatch;
	/** Continue strictly after this (distance, id) in (distance asc, id asc) order. */
	after?: { distanceKm: number; id: string };
}

export interface ProximityHit {
	pk: number;
	id: string;
	/** Exact great-circle distance in km. */
	distanceKm: number;
}

export interface ProximityPage {
	hits: ProximityHit[];
	/** True when more matches follow the last hit. */
	more: boolean;
}
