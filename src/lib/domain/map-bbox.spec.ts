import { describe, expect, it } from 'vitest';
import { viewToBbox, geojsonUrl } from './map-bbox';

describe('viewToBbox', () => {
	it.each([
		['a view over France', [-5, 41, 10, 51], [-5, 41, 10, 51]],
		['latitudes past the poles are clamped', [0, -95, 10, 97], [0, -90, 10, 90]],
		['wider than the world', [-300, -60, 300, 80], [-180, -60, 180, 80]],
		['crossing the antimeridian eastwards', [170, -20, 190, -10], [170, -20, -170, -10]],
		['crossing the antimeridian westwards', [-190, -20, -170, -10], [170, -20, -170, -10]],
		['a copy of the world to the east', [365, 40, 370, 45], [5, 40, 10, 45]],
		['ending on the antimeridian', [170, 0, 180, 10], [170, 0, 180, 10]]
	] as const)('%s', (_name, [w, s, e, n], expected) => {
		expect(viewToBbox(w, s, e, n)).toEqual(expected);
	});

	it('builds the GeoJSON URL', () => {
		expect(geojsonUrl([1, 2, 3, 4])).toBe('/api/initiatives.geojson?bbox=1,2,3,4');
	});
});
