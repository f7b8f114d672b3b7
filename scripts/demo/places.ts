/** The gazetteer of French places, and picking places the way people are spread. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isArrondissement, type PlaceRow } from '../../src/lib/domain/places';

export type { PlaceRow };

/**
 * The communes of static/data/places-fr.json (most populous first). The
 * arrondissements of Paris, Lyon and Marseille are left out: their people are
 * already counted in their commune, and demo data and benchmarks stay as they were.
 */
export function loadPlaceRows(): PlaceRow[] {
	const path = fileURLToPath(new URL('../../static/data/places-fr.json', import.meta.url));
	return (JSON.parse(readFileSync(path, 'utf8')) as { places: PlaceRow[] }).places.filter((row) => !isArrondissement(row));
}

/** A seeded random generator (mulberry32), so demo data and benchmarks are reproducible. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Picks places with a probability proportional to their population (binary search on the cumulative sum). */
export function populationPicker(rows: PlaceRow[], random: () => number): () => PlaceRow {
	const cumulative = new Float64Array(rows.length);
	let total = 0;
	rows.forEach((row, i) => (cumulative[i] = total += Math.max(1, row[5])));
	return () => {
		const target = random() * total;
		let lo = 0;
		let hi = rows.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid] < target) lo = mid + 1;
			else hi = mid;
		}
		return rows[lo];
	};
}

/**
 * A point near a place: uniform in a disc whose radius grows with the town
 * (≈1 km for a village, up to 7 km for Paris), so cities spread over their area.
 */
export function jitterAround(row: PlaceRow, random: () => number): { lat: number; lng: number } {
	const radiusKm = 0.8 + Math.min(6, Math.sqrt(row[5]) / 200);
	const r = radiusKm * Math.sqrt(random());
	const angle = random() * 2 * Math.PI;
	const dLat = (r * Math.cos(angle)) / 111.2;
	const dLng = (r * Math.sin(angle)) / (111.2 * Math.cos((row[3] * Math.PI) / 180));
	return { lat: Number((row[3] + dLat).toFixed(6)), lng: Number((row[4] + dLng).toFixed(6)) };
}
