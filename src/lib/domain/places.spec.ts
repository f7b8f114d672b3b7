import { describe, expect, it } from 'vitest';
import { indexPlaces, nearestPlace, normalizePlaceName, searchPlaces, type PlaceRow } from './places';

const rows: PlaceRow[] = [
	['Lyon', '69001 69002', '69', 45.7485, 4.8467, 522969],
	['Saint-Étienne', '42000 42100', '42', 45.4347, 4.3903, 171057],
	['Villeurbanne', '69100', '69', 45.766, 4.8795, 163684],
	["L'Isle-d'Abeau", '38080', '38', 45.6197, 5.2261, 16000],
	['Lyons-la-Forêt', '27480', '27', 49.3992, 1.4767, 700]
];
const index = indexPlaces(rows);

describe('normalizePlaceName', () => {
	it.each([
		['Saint-Étienne', 'saint etienne'],
		['St Étienne', 'saint etienne'],
		["L'Isle-d'Abeau", 'l isle d abeau'],
		['  ÉCOLE  ', 'ecole']
	])('%s → %s', (input, expected) => expect(normalizePlaceName(input)).toBe(expected));
});

describe('searchPlaces', () => {
	it.each([
		['lyo', ['Lyon', 'Lyons-la-Forêt']],
		['st etienne', ['Saint-Étienne']],
		['etienne', ['Saint-Étienne']],
		['abeau', ["L'Isle-d'Abeau"]],
		['x', []]
	])('%s', (query, names) => expect(searchPlaces(index, query).map((p) => p.name)).toEqual(names));

	it('finds by postcode prefix and reports the matching code', () => {
		expect(searchPlaces(index, '69100')).toMatchObject([{ name: 'Villeurbanne', postcode: '69100' }]);
		expect(searchPlaces(index, '6900').map((p) => p.postcode)).toEqual(['69001', '69002'].slice(0, 1));
	});
});

describe('nearestPlace', () => {
	it('names a tap by the closest place', () => {
		expect(nearestPlace(index, 45.77, 4.88)?.name).toBe('Villeurbanne');
		expect(nearestPlace(index, 45.44, 4.39)?.name).toBe('Saint-Étienne');
	});
});
