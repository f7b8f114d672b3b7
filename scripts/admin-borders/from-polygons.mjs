// Real borders from département polygons: a segment that two départements'
// rings share is the border between them (a région border when their régions
// differ). Coasts and the national border belong to one ring only and are left
// to the basemap. Needs polygons whose neighbours share vertices exactly, as
// topology-preserving exports (mapshaper's, IGN's) have.

/** The shared segments of `features` (GeoJSON départements with `properties.code`), by kind. */
export function sharedSegments(features, regionOf) {
	const key = ([x, y]) => `${x},${y}`;
	const seen = new Map();
	for (const { properties, geometry } of features) {
		const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		for (const ring of polygons.flat()) {
			for (let i = 0; i + 1 < ring.length; i++) {
				const [p, q] = [ring[i], ring[i + 1]];
				if (key(p) === key(q)) continue;
				const k = key(p) < key(q) ? `${key(p)}|${key(q)}` : `${key(q)}|${key(p)}`;
				const segment = seen.get(k) ?? seen.set(k, { ends: [p, q], codes: new Set() }).get(k);
				segment.codes.add(properties.code);
			}
		}
	}
	const segments = { departement: [], region: [] };
	for (const { ends, codes } of seen.values()) {
		if (codes.size < 2) continue;
		const [a, b] = [...codes];
		segments[regionOf.get(a) !== regionOf.get(b) ? 'region' : 'departement'].push(ends);
	}
	return segments;
}
