// Builds static/map/basemap.json, the light offline basemap drawn by the map's
// embedded style: Natural Earth countries (world-atlas, public domain) as one
// GeoJSON FeatureCollection with `kind` = "land" (polygons) or "border" (lines).
// Europe comes from the 1:50m set, the rest of the world from 1:110m, and
// coordinates are rounded, to keep the file small enough to precache.
// Run by hand (`node scripts/build-basemap.mjs`); its output is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { feature, mesh } from 'topojson-client';

const load = (name) => JSON.parse(readFileSync(`node_modules/world-atlas/${name}`, 'utf8'));
const fine = load('countries-50m.json');
const coarse = load('countries-110m.json');

// Around metropolitan France and its neighbours, where people zoom in.
const DETAIL = { minLng: -12, minLat: 34, maxLng: 24, maxLat: 58 };

function bbox(geometry) {
	let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
	const walk = (c) => {
		if (typeof c[0] === 'number') {
			minLng = Math.min(minLng, c[0]); maxLng = Math.max(maxLng, c[0]);
			minLat = Math.min(minLat, c[1]); maxLat = Math.max(maxLat, c[1]);
		} else c.forEach(walk);
	};
	walk(geometry.coordinates);
	return { minLng, minLat, maxLng, maxLat };
}
// A country is detailed when the centre of its bounding box is in DETAIL (keeps Russia coarse).
const intersectsDetail = (g) => {
	const b = bbox(g);
	const lng = (b.minLng + b.maxLng) / 2;
	const lat = (b.minLat + b.maxLat) / 2;
	return lng >= DETAIL.minLng && lng <= DETAIL.maxLng && lat >= DETAIL.minLat && lat <= DETAIL.maxLat;
};

// Rounds positions and drops the consecutive duplicates rounding creates.
function round(coords, digits) {
	if (typeof coords[0] === 'number') return [Number(coords[0].toFixed(digits)), Number(coords[1].toFixed(digits))];
	if (typeof coords[0][0] === 'number') {
		const line = coords.map((c) => round(c, digits)).filter((c, i, all) => i === 0 || c[0] !== all[i - 1][0] || c[1] !== all[i - 1][1]);
		return line.length >= 4 || line.length === coords.length ? line : coords.map((c) => round(c, digits));
	}
	return coords.map((c) => round(c, digits));
}
const simplified = (geometry, digits) => ({ type: geometry.type, coordinates: round(geometry.coordinates, digits) });

const fineCountries = feature(fine, fine.objects.countries).features.filter((f) => f.geometry && intersectsDetail(f.geometry));
const detailed = new Set(fineCountries.map((f) => f.id));
const coarseCountries = feature(coarse, coarse.objects.countries).features.filter((f) => f.geometry && !detailed.has(f.id));

const features = [
	...fineCountries.map((f) => ({ type: 'Feature', properties: { kind: 'land' }, geometry: simplified(f.geometry, 2) })),
	...coarseCountries.map((f) => ({ type: 'Feature', properties: { kind: 'land' }, geometry: simplified(f.geometry, 1) })),
	{
		type: 'Feature',
		properties: { kind: 'border' },
		geometry: simplified(mesh(fine, fine.objects.countries, (a, b) => a !== b && (detailed.has(a.id) || detailed.has(b.id))), 2)
	},
	{
		type: 'Feature',
		properties: { kind: 'border' },
		geometry: simplified(mesh(coarse, coarse.objects.countries, (a, b) => a !== b && !detailed.has(a.id) && !detailed.has(b.id)), 1)
	}
];
const out = {
	type: 'FeatureCollection',
	attribution: 'Natural Earth (public domain) via world-atlas',
	features
};
const text = JSON.stringify(out);
writeFileSync('static/map/basemap.json', text);
console.log(`basemap.json: ${features.length} features, ${(text.length / 1024).toFixed(0)} kB`);
