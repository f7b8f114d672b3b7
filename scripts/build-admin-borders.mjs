// Builds static/map/admin-fr.json: département and région borders for the
// offline basemap, as lines of two kinds ('departement', 'region').
//
//   node scripts/build-admin-borders.mjs <départements.geojson> ["attribution"]
//     real borders from département polygons (GeoJSON, `properties.code` =
//     INSEE code; e.g. IGN Admin Express, Licence Ouverte 2.0): the segments
//     two départements share, joined and thinned to about 250 m.
//   node scripts/build-admin-borders.mjs
//     approximate borders from the gazetteer's commune points (a few km off).
//
// Run by hand; its output is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chain, simplify, smooth } from './admin-borders/lines.mjs';
import { sharedSegments } from './admin-borders/from-polygons.mjs';
import { approximateSegments } from './admin-borders/approximate.mjs';

const require = createRequire(import.meta.url);
const regionOf = new Map(require('@etalab/decoupage-administratif/data/departements.json').map((d) => [d.code, d.region]));
const [source, attribution = 'IGN Admin Express COG (Licence Ouverte / Etalab 2.0)'] = process.argv.slice(2);

/** Degrees of latitude the thinned lines may stray from the real ones (~250 m); longitudes scaled for France's latitude. */
const TOLERANCE = 0.0022;
const COS_FRANCE = Math.cos((46.5 * Math.PI) / 180);
const round = ([lng, lat]) => [Number(lng.toFixed(3)), Number(lat.toFixed(3))];

let lines;
if (source) {
	const metropolitan = JSON.parse(readFileSync(source, 'utf8')).features.filter((f) => regionOf.has(f.properties.code) && !f.properties.code.startsWith('97'));
	const segments = sharedSegments(metropolitan, regionOf);
	lines = (kind) => chain(segments[kind]).map((line) => simplify(line, TOLERANCE, COS_FRANCE).map(round));
} else {
	const { segments, toLngLat } = approximateSegments(regionOf);
	lines = (kind) => chain(segments[kind]).map((line) => simplify(smooth(line), 0.25).map((p) => round(toLngLat(p))));
}

const features = ['departement', 'region'].map((kind) => ({
	type: 'Feature',
	properties: { kind },
	geometry: {
		type: 'MultiLineString',
		// Rounding can fold a short line onto one point: drop those.
		coordinates: lines(kind).filter((l) => l.length > 1 && l.some((p) => p[0] !== l[0][0] || p[1] !== l[0][1]))
	}
}));
const out = {
	type: 'FeatureCollection',
	attribution: source ? attribution : 'Approximate borders derived from GeoNames (CC BY 4.0) and Etalab (Licence Ouverte 2.0) commune points',
	features
};
const text = JSON.stringify(out);
writeFileSync('static/map/admin-fr.json', text);
console.log(`admin-fr.json: ${features.map((f) => `${f.geometry.coordinates.length} ${f.properties.kind} lines`).join(', ')}, ${(text.length / 1024).toFixed(0)} kB`);
