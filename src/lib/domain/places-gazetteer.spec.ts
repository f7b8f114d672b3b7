import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexPlaces, isArrondissement, nearestPlace, searchPlaces, type PlaceRow } from './places';
import { haversineKm } from './geo';

// The real embedded gazetteer, as the browser loads it.
const file = JSON.parse(readFileSync(new URL('../../../static/data/places-fr.json', import.meta.url), 'utf8')) as { places: PlaceRow[] };
const index = indexPlaces(file.places);
const first = (q: string) => searchPlaces(index, q)[0];

describe('arrondissements of Paris, Lyon and Marseille', () => {
	it("finds Lyon 4e by 'lyon 4' and by 'Croix-Rousse'", () => {
		expect(first('lyon 4')).toMatchObject({ name: 'Lyon 4e', postcode: '69004' });
		expect(first('Croix-Rousse')).toMatchObject({ name: 'Lyon 4e', postcode: '69004' });
		expect(first('croix rousse')?.name).toBe('Lyon 4e');
	});

	it('gives each arrondissement its own point and postcode', () => {
		const lyon1 = first('lyon 1er');
		const lyon4 = first('lyon 4');
		expect(lyon1).toMatchObject({ name: 'Lyon 1er', postcode: '69001' });
		expect(haversineKm(lyon1.lat, lyon1.lng, lyon4.lat, lyon4.lng)).toBeGreaterThan(1);
		expect(first('paris 11')).toMatchObject({ name: 'Paris 11e', postcode: '75011' });
		expect(first('marseille 16')).toMatchObject({ name: 'Marseille 16e', postcode: '13016' });
		expect(first('Montmartre')?.name).toBe('Paris 18e');
		expect(file.places.filter(isArrondissement)).toHaveLength(20 + 9 + 16);
	});

	it('still finds the communes themselves first', () => {
		expect(first('lyon')?.name).toBe('Lyon');
		expect(first('paris')?.name).toBe('Paris');
		expect(searchPlaces(index, 'lyo').map((p) => p.name)).toContain('Lyons-la-Forêt');
	});

	it('names a point in the 4th by its arrondissement', () => {
		expect(nearestPlace(index, 45.7751, 4.8271)?.name).toBe('Lyon 4e');
	});
});
