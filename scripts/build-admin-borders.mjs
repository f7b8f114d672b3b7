// Builds static/map/admin-fr.json: APPROXIMATE département and région borders
// for the offline basemap. No installed package carries their geometry, so
// they are derived: a grid over metropolitan France (land from Natural Earth)
// where each cell takes the département of the nearest gazetteer commune; the
// borders are the edges between cells of different départements, smoothed.
// Good to a few kilometres — enough to see where one département ends at the
// zooms where they show. Run by hand (`node scripts/build-admin-borders.mjs`);
// its output is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const regionOf = new Map(require('@etalab/decoupage-administratif/data/departements.json').map((d) => [d.code, d.region]));
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

/** Joins segments sharing ends into polylines. */
function chain(segs) {
	const key = ([x, y]) => `${x},${y}`;
	const at = new Map();
	segs.forEach((s, i) => s.forEach((p) => (at.get(key(p)) ?? at.set(key(p), []).get(key(p))).push(i)));
	const used = new Array(segs.length).fill(false);
	const lines = [];
	const walk = (start, from) => {
		const line = [from];
		let current = from;
		let i = start;
		while (i !== undefined && !used[i]) {
			used[i] = true;
			const [a, b] = segs[i];
			current = key(a) === key(current) ? b : a;
			line.push(current);
			const next = at.get(key(current)) ?? [];
			i = next.length === 2 ? next.find((j) => !used[j]) : undefined;
		}
		return line;
	};
	// Ends and junctions first, then the closed loops left.
	for (const [k, list] of at) {
		if (list.length === 2) continue;
		const [x, y] = k.split(',').map(Number);
		for (const i of list) if (!used[i]) lines.push(walk(i, [x, y]));
	}
	segs.forEach((s, i) => !used[i] && lines.push(walk(i, s[0])));
	return lines;
}

/** Chaikin corner cutting: the staircase becomes a curve; ends stay put. */
function smooth(line, rounds = 3) {
	let pts = line;
	for (let r = 0; r < rounds && pts.length > 2; r++) {
		const out = [pts[0]];
		for (let i = 0; i < pts.length - 1; i++) {
			const [a, b] = [pts[i], pts[i + 1]];
			out.push([0.75 * a[0] + 0.25 * b[0], 0.75 * a[1] + 0.25 * b[1]], [0.25 * a[0] + 0.75 * b[0], 0.25 * a[1] + 0.75 * b[1]]);
		}
		out.push(pts[pts.length - 1]);
		pts = out;
	}
	return pts;
}

/** Douglas–Peucker in lattice units. */
function simplify(pts, tolerance) {
	if (pts.length < 3) return pts;
	const keep = new Uint8Array(pts.length);
	keep[0] = keep[pts.length - 1] = 1;
	const stack = [[0, pts.length - 1]];
	while (stack.length) {
		const [s, e] = stack.pop();
		const [ax, ay] = pts[s];
		const [bx, by] = pts[e];
		const len = Math.hypot(bx - ax, by - ay) || 1;
		let worst = -1;
		let index = -1;
		for (let i = s + 1; i < e; i++) {
			const d = Math.abs((bx - ax) * (ay - pts[i][1]) - (ax - pts[i][0]) * (by - ay)) / len;
			if (d > worst) [worst, index] = [d, i];
		}
		if (worst > tolerance) {
			keep[index] = 1;
			stack.push([s, index], [index, e]);
		}
	}
	return pts.filter((_, i) => keep[i]);
}

const toLngLat = ([x, y]) => [Number((BOX.minLng + x * STEP_LNG).toFixed(3)), Number((BOX.minLat + y * STEP_LAT).toFixed(3))];
const features = Object.entries(segments).map(([kind, segs]) => ({
	type: 'Feature',
	properties: { kind },
	geometry: { type: 'MultiLineString', coordinates: chain(segs).map((line) => simplify(smooth(line), 0.25).map(toLngLat)).filter((l) => l.length > 1) }
}));
const out = {
	type: 'FeatureCollection',
	attribution: 'Approximate borders derived from GeoNames (CC BY 4.0) and Etalab (Licence Ouverte 2.0) commune points',
	features
};
const text = JSON.stringify(out);
writeFileSync('static/map/admin-fr.json', text);
console.log(`admin-fr.json: ${features.map((f) => `${f.geometry.coordinates.length} ${f.properties.kind} lines`).join(', ')}, ${(text.length / 1024).toFixed(0)} kB`);
