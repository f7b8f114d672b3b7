/** Searching the embedded gazetteer of French places by name or postcode. Pure. */

/**
 * [name, postcodes (space separated), département, lat, lng, population, aliases?]
 * — `aliases` (" | " separated) only on the arrondissements of Paris, Lyon and
 * Marseille: the quarter names people search for ("Croix-Rousse").
 */
export type PlaceRow = [string, string, string, number, number, number, string?];

export interface Place {
	name: string;
	postcode: string;
	departement: string;
	lat: number;
	lng: number;
	population: number;
}

/** Lower case, accents removed, hyphens and apostrophes as spaces: `Saint-Étienne` → `saint etienne`. */
export function normalizePlaceName(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[-'’]/g, ' ')
		.replace(/\bst\b/g, 'saint')
		.replace(/\bste\b/g, 'sainte')
		.replace(/\s+/g, ' ')
		.trim();
}

export interface PlaceIndex {
	rows: PlaceRow[];
	names: string[];
	/** Normalized aliases per row (empty for most). */
	aliases: string[][];
}

/** Precomputes normalized names; rows are expected most populous first. */
export function indexPlaces(rows: PlaceRow[]): PlaceIndex {
	return {
		rows,
		names: rows.map((r) => normalizePlaceName(r[0])),
		aliases: rows.map((r) => (r[6] ? r[6].split('|').map(normalizePlaceName).filter(Boolean) : []))
	};
}

/** An arrondissement of Paris, Lyon or Marseille (a place inside a commune). */
export const isArrondissement = (row: PlaceRow): boolean => row.length > 6 && !!row[6];

const toPlace = (r: PlaceRow, postcode?: string): Place => ({
	name: r[0],
	postcode: postcode ?? r[1].split(' ')[0] ?? '',
	departement: r[2],
	lat: r[3],
	lng: r[4],
	population: r[5]
});

/**
 * Places matching `query`: a postcode prefix (digits), else names starting
 * with the query first, then names containing it; most populous first in each group.
 */
export function searchPlaces(index: PlaceIndex, query: string, limit = 8): Place[] {
	const q = normalizePlaceName(query);
	if (q.length < 2) return [];
	const out: Place[] = [];
	if (/^\d{2,5}$/.test(q)) {
		for (const row of index.rows) {
			const code = row[1].split(' ').find((c) => c.startsWith(q));
			if (code) out.push(toPlace(row, code));
			if (out.length >= limit) break;
		}
		return out;
	}
	const contains: Place[] = [];
	// "lyon" lists Lyon and the other communes before Lyon's nine arrondissements; "lyon 4" or "Croix-Rousse" finds the 4th.
	const districts: Place[] = [];
	const wantsDistrict = /\d/.test(q);
	for (let i = 0; i < index.rows.length && out.length < limit; i++) {
		const name = index.names[i];
		const aliases = index.aliases[i];
		if (aliases.some((a) => a.startsWith(q))) out.push(toPlace(index.rows[i]));
		else if (name.startsWith(q)) (aliases.length && !wantsDistrict ? districts : out).push(toPlace(index.rows[i]));
		else if (contains.length < limit && (name.includes(` ${q}`) || aliases.some((a) => a.includes(` ${q}`)))) {
			contains.push(toPlace(index.rows[i]));
		}
	}
	return [...out, ...contains, ...districts].slice(0, limit);
}

/** The nearest place to a point (for naming a tap on the map). */
export function nearestPlace(index: PlaceIndex, lat: number, lng: number): Place | undefined {
	let best: PlaceRow | undefined;
	let bestScore = Infinity;
	const cos = Math.cos((lat * Math.PI) / 180);
	for (const row of index.rows) {
		const dLat = row[3] - lat;
		const dLng = (row[4] - lng) * cos;
		const score = dLat * dLat + dLng * dLng;
		if (score < bestScore) {
			bestScore = score;
			best = row;
		}
	}
	return best && toPlace(best);
}
