// APPROXIMATE département and région borders, for when no polygons are at
// hand: a grid over metropolitan France (land from Natural Earth) where each
// cell takes the département of the nearest gazetteer commune; the borders are
// the edges between cells of different départements. Good to a few kilometres.
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';

/** Segments on the lattice of cell corners, by kind, and the function that turns a lattice point into [lng, lat]. */
export function approximateSegments(regionOf) {
	const { places } = JSON.parse(readFileSync('static/data/places-fr.json', 'utf8'));
	const communes = places.filter((p) => p.length < 7 && regionOf.has(p[2]) && !p[2].startsWith('97'));
	const BOX = { minLng: -5.3, maxLng: 9.7, minLat: 41.3, maxLat: 51.2 };
	const STEP_LAT = 0.025;
	const STEP_LNG = 0.035;
	const COLS = Math.ceil((BOX.maxLng - BOX.minLng) / STEP_LNG);
	const ROWS = Math.ceil((BOX.maxLat - BOX.minLat) / STEP_LAT);

	// France's land (Natural Earth 1:50m), metropolitan rings only.
	const world = JSON.parse(readFileSync('node_modules/world-atlas/countries-50m.json', 'utf8'));
	const france = feature(world, world.objects.countries).features.find((f) => f.id === '250');
	const rings = (france.geometry.type === 'Polygon' ? [france.geometry.coordinates] : france.geometry.coordinates)
		.map((polygon) => polygon[0])
		.filter((ring) => ring.some(([lng, lat]) => lng > BOX.minLng && lng < BOX.maxLng && lat > BOX.minLat && lat < BOX.maxLat));
	function onLand(lng, lat) {
		let inside = false;
		for (const ring of rings) {
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				const [xi, yi] = ring[i];
				const [xj, yj] = ring[j];
				if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
			}
		}
		return inside;
	}

	// Buckets of 0.2° for the nearest-commune search.
	const BUCKET = 0.2;
	const buckets = new Map();
	for (const c of communes) {
		const key = `${Math.floor(c[4] / BUCKET)},${Math.floor(c[3] / BUCKET)}`;
		if (!buckets.has(key)) buckets.set(key, []);
		buckets.get(key).push(c);
	}
	function nearestDepartement(lng, lat) {
		const cos = Math.cos((lat * Math.PI) / 180);
		const bx = Math.floor(lng / BUCKET);
		const by = Math.floor(lat / BUCKET);
		let best = null;
		let bestD = Infinity;
		for (let r = 0; r <= 6; r++) {
			for (let dx = -r; dx <= r; dx++) {
				for (let dy = -r; dy <= r; dy++) {
					if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue;
					for (const c of buckets.get(`${bx + dx},${by + dy}`) ?? []) {
						const d = ((c[4] - lng) * cos) ** 2 + (c[3] - lat) ** 2;
						if (d < bestD) [bestD, best] = [d, c];
					}
				}
			}
			// Anything in a farther ring is at least r buckets away.
			if (best && Math.sqrt(bestD) < r * BUCKET * cos) break;
		}
		return best?.[2] ?? null;
	}

	const grid = new Array(COLS * ROWS).fill(null);
	for (let y = 0; y < ROWS; y++) {
		for (let x = 0; x < COLS; x++) {
			const lng = BOX.minLng + (x + 0.5) * STEP_LNG;
			const lat = BOX.minLat + (y + 0.5) * STEP_LAT;
			if (onLand(lng, lat)) grid[y * COLS + x] = nearestDepartement(lng, lat);
		}
	}

	// Edges between cells of different départements, on the lattice of cell corners.
	const segments = { departement: [], region: [] };
	const kindOf = (a, b) => (regionOf.get(a) !== regionOf.get(b) ? 'region' : 'departement');
	for (let y = 0; y < ROWS; y++) {
		for (let x = 0; x < COLS; x++) {
			const here = grid[y * COLS + x];
			if (!here) continue;
			const right = x + 1 < COLS ? grid[y * COLS + x + 1] : null;
			const up = y + 1 < ROWS ? grid[(y + 1) * COLS + x] : null;
			if (right && right !== here) segments[kindOf(here, right)].push([[x + 1, y], [x + 1, y + 1]]);
			if (up && up !== here) segments[kindOf(here, up)].push([[x, y + 1], [x + 1, y + 1]]);
		}
	}

	const toLngLat = ([x, y]) => [BOX.minLng + x * STEP_LNG, BOX.minLat + y * STEP_LAT];
	return { segments, toLngLat };
}
