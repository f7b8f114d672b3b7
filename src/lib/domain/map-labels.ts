/** Which town names the map shows at which zoom. Pure. */
import type { FeatureCollection, Point } from 'geojson';
import { isArrondissement, type PlaceRow } from './places';

/** [minimum population, first zoom the name shows]: Paris at 4–5, villages of 500 by 11. */
const STEPS: [number, number][] = [
	[1_000_000, 4],
	[200_000, 5],
	[80_000, 6],
	[30_000, 7],
	[10_000, 8],
	[4_000, 9],
	[1_500, 10],
	[0, 11]
];

/** An arrondissement's name shows once the city is big on screen. */
export const ARRONDISSEMENT_ZOOM = 12;

/** The first zoom at which a place of `population` is named on the map. */
export function labelMinZoom(population: number): number {
	return (STEPS.find(([min]) => population >= min) ?? STEPS[STEPS.length - 1])[1];
}

export interface PlaceLabelProps {
	name: string;
	population: number;
	/** First zoom at which the name shows. */
	z: number;
}

/** The gazetteer as map points: `z` drives the zoom filter, population the priority and size. */
export function placeLabelFeatures(rows: PlaceRow[]): FeatureCollection<Point, PlaceLabelProps> {
	return {
		type: 'FeatureCollection',
		features: rows.map((row) => ({
			type: 'Feature',
			properties: { name: row[0], population: row[5], z: isArrondissement(row) ? ARRONDISSEMENT_ZOOM : labelMinZoom(row[5]) },
			geometry: { type: 'Point', coordinates: [row[4], row[3]] }
		}))
	};
}
