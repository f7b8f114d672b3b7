import { describe, expect, it } from 'vitest';
import { labelMinZoom, placeLabelFeatures, ARRONDISSEMENT_ZOOM } from './map-labels';

describe('labelMinZoom', () => {
	it.each([
		[2_138_551, 5], // Paris shows by zoom 5
		[522_969, 6],
		[50_000, 8],
		[5_000, 10],
		[500, 11] // villages of 500 by zoom 11
	])('a place of %i shows by zoom %i', (population, byZoom) => expect(labelMinZoom(population)).toBeLessThanOrEqual(byZoom));

	it('shows bigger places first', () => {
		const pops = [2_000_000, 300_000, 90_000, 35_000, 12_000, 5_000, 2_000, 500];
		const zooms = pops.map(labelMinZoom);
		expect([...zooms].sort((a, b) => a - b)).toEqual(zooms);
		expect(labelMinZoom(400)).toBe(11);
	});
});

describe('placeLabelFeatures', () => {
	it('turns gazetteer rows into points with their zoom', () => {
		const fc = placeLabelFeatures([
			['Lyon', '69001', '69', 45.7485, 4.8467, 522969],
			['Lyon 4e', '69004', '69', 45.7751, 4.8271, 34752, 'arrondissement | Croix-Rousse']
		]);
		expect(fc.features[0]).toMatchObject({ properties: { name: 'Lyon', z: 5 }, geometry: { coordinates: [4.8467, 45.7485] } });
		expect(fc.features[1].properties.z).toBe(ARRONDISSEMENT_ZOOM);
	});
});
