/**
 * Proximity search over initiatives, answered by SQLite itself: the R*Tree
 * `initiative_geo` gives candidates in a box, the exact great-circle distance
 * (a SQL function registered on the connection) orders them and decides the
 * radius edge, and FTS5 `initiative_fts` filters by text.
 *
 * The search widens in rings: a page is final as soon as a small circle holds
 * more than `limit` matches, because everything outside that circle is farther
 * than all of them. Dense cities are answered from a few hundred candidates
 * instead of every point within the full radius.
 */
import type Database from 'better-sqlite3';
import { haversineKm, radiusBox, type LngRange } from '$lib/domain/geo';

export interface ProximityQuery {
	lat: number;
	lng: number;
	radiusKm: number;
	limit: number;
	category?: string;
	/** An FTS5 MATCH expression, already made safe by `ftsQueryFromText`. */
	match?: string;
	/** Continue strictly after this (distance, id) in (distance asc, id asc) order. */
	after?: { distanceKm: number; id: string };
}

export interface ProximityHit {
	pk: number;
	id: string;
	/** Exact great-circle distance in km. */
	distanceKm: number;
}

export interface ProximityPage {
	hits: ProximityHit[];
	/** True when more matches follow the last hit. */
	more: boolean;
}

/** Name of the SQL distance function registered on the connection. */
export const DISTANCE_FUNCTION = 'kohero_distance_km';
/** Float32 rounding in the R*Tree and float noise: pad candidate boxes by ~1 m. */
const BOX_PAD_DEG = 1e-5;
/** First ring as a fraction of the radius; each next ring is 4× wider. */
const FIRST_RING_FRACTION = 1 / 32;
const RING_GROWTH = 4;
/** Over a large area, text queries matching at most this many rows are answered from FTS5 first. */
const RARE_TEXT_ROWS = 2000;

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Registers the distance function (once per connection) so SQL can filter and order by it. */
export function registerGeoFunctions(sqlite: Database.Database): void {
	if (prepared.has(sqlite)) return;
	sqlite.function(DISTANCE_FUNCTION, { deterministic: true }, (lat1, lng1, lat2, lng2) =>
		haversineKm(lat1 as number, lng1 as number, lat2 as number, lng2 as number)
	);
	prepared.set(sqlite, new Map());
}

function statement(sqlite: Database.Database, sql: string): Database.Statement {
	registerGeoFunctions(sqlite);
	const cache = prepared.get(sqlite)!;
	let stmt = cache.get(sql);
	if (!stmt) {
		stmt = sqlite.prepare(sql);
		cache.set(sql, stmt);
	}
	return stmt;
}

/**
 * Turns free text into a safe FTS5 expression: only letter/digit runs survive,
 * each is quoted (so `AND`, `NEAR`, `*`, quotes or SQL mean nothing special)
 * and all must match. Whole words only: a prefix term (`"jard"*`) merges every
 * word sharing the prefix and cost ~40× more per checked row in the benchmark.
 * Returns undefined when nothing searchable is left.
 */
export function ftsQueryFromText(text: string): string | undefined {
	const tokens = text.match(/[\p{L}\p{N}]+/gu)?.slice(0, 12);
	if (!tokens?.length) return undefined;
	// The column filter keeps user words away from the hidden `geo_cell` column.
	return `{title summary place_name} : (${tokens.map((t) => `"${t}"`).join(' ')})`;
}

/** Grid cells are 0.1° (see drizzle/0002); above this many the cell filter costs more than it saves. */
const MAX_CELLS = 48;

/** The `geo_cell` words of every 0.1° cell touching the circle, or undefined when there are too many. */
export function coveringCells(lat: number, lng: number, radiusKm: number): string[] | undefined {
	const box = radiusBox(lat, lng, radiusKm);
	const cell = (deg: number, shift: number) => Math.floor((deg + shift) * 10 + 1e-9);
	const rows = [cell(box.minLat - BOX_PAD_DEG, 90), cell(box.maxLat + BOX_PAD_DEG, 90)];
	const cells: string[] = [];
	for (const [minLng, maxLng] of box.lngRanges) {
		const cols = [cell(minLng - BOX_PAD_DEG, 180), cell(maxLng + BOX_PAD_DEG, 180)];
		if ((rows[1] - rows[0] + 1) * (cols[1] - cols[0] + 1) + cells.length > MAX_CELLS) return undefined;
		for (let r = Math.max(0, rows[0]); r <= rows[1]; r++) {
			for (let c = Math.max(0, cols[0]); c <= cols[1]; c++) cells.push(`g${r}x${c}`);
		}
	}
	return cells;
}

/**
 * Initiatives within `radiusKm` of a point, nearest first, ties by id.
 * `rareTextRows` picks the plan for text queries over a large area; tests force each plan
 * with it (0 = rings with a per-row FTS5 check, which also skips the cell plan).
 */
export function findNear(
	sqlite: Database.Database,
	query: ProximityQuery,
	{ rareTextRows = RARE_TEXT_ROWS }: { rareTextRows?: number } = {}
): ProximityPage {
	if (query.match) {
		// Text and neighbourhood intersected inside FTS5: reads only nearby matches.
		const cells = coveringCells(query.lat, query.lng, query.radiusKm);
		if (cells && rareTextRows > 0) {
			const match = `(${query.match}) AND geo_cell : (${cells.map((c) => `"${c}"`).join(' OR ')})`;
			return page(searchTextFirst(sqlite, { ...query, match }), query.limit);
		}
		if (countTextMatches(sqlite, query.match, rareTextRows) <= rareTextRows) {
			return page(searchTextFirst(sqlite, query), query.limit);
		}
	}
	// Start past the cursor: nothing before it can be on this page.
	let ring = Math.min(query.radiusKm, Math.max(query.radiusKm * FIRST_RING_FRACTION, (query.after?.distanceKm ?? 0) * 1.25));
	for (;;) {
		const hits = searchRing(sqlite, query, ring);
		if (hits.length > query.limit || ring >= query.radiusKm) return page(hits, query.limit);
		ring = Math.min(query.radiusKm, ring * RING_GROWTH);
	}
}

function page(hits: ProximityHit[], limit: number): ProximityPage {
	return { hits: hits.slice(0, limit), more: hits.length > limit };
}

/** How many rows match, counting no further than `cap + 1`. */
function countTextMatches(sqlite: Database.Database, match: string, cap: number): number {
	const sql = 'SELECT count(*) AS n FROM (SELECT 1 FROM initiative_fts WHERE initiative_fts MATCH ? LIMIT ?)';
	return (statement(sqlite, sql).get(match, cap + 1) as { n: number }).n;
}

/** Filters shared by both plans, as SQL after `WHERE …`; `d` is the distance column. */
function commonFilters(query: ProximityQuery, params: unknown[]): string {
	let sql = '';
	if (query.category) {
		sql += ' AND i.category = ?';
		params.push(query.category);
	}
	if (query.after) {
		sql += ' AND (d > ? OR (d = ? AND i.id > ?))';
		params.push(query.after.distanceKm, query.after.distanceKm, query.after.id);
	}
	return sql;
}

/**
 * Nearest first, ties by id, limit+1 rows (the extra one tells whether more follow).
 * `lastFilter` is tested after the distance, so only points inside the circle pay for it.
 */
function finish(
	sqlite: Database.Database,
	sql: string,
	params: unknown[],
	radiusKm: number,
	limit: number,
	lastFilter?: { sql: string; param: unknown }
): ProximityHit[] {
	params.push(radiusKm);
	sql += ' AND d <= ?';
	if (lastFilter) {
		sql += lastFilter.sql;
		params.push(lastFilter.param);
	}
	params.push(limit + 1);
	const rows = statement(sqlite, `${sql} ORDER BY d, i.id LIMIT ?`).all(...params) as Row[];
	return rows.map((row) => ({ pk: row.pk, id: row.id, distanceKm: row.d }));
}

type Row = { pk: number; id: string; d: number };
const SELECT_HIT = `SELECT i.pk AS pk, i.id AS id, ${DISTANCE_FUNCTION}(?, ?, i.lat, i.lng) AS d`;

/** Box candidates from the R*Tree within `ringKm`, exact distance ≤ ringKm, top limit+1. */
function searchRing(sqlite: Database.Database, query: ProximityQuery, ringKm: number): ProximityHit[] {
	const box = radiusBox(query.lat, query.lng, ringKm);
	const all: ProximityHit[] = [];
	for (const [minLng, maxLng] of box.lngRanges) {
		const params: unknown[] = [query.lat, query.lng];
		params.push(box.minLat - BOX_PAD_DEG, box.maxLat + BOX_PAD_DEG, minLng - BOX_PAD_DEG, maxLng + BOX_PAD_DEG);
		// CROSS JOIN keeps the R*Tree as the outer loop; overlap tests tolerate its float32 rounding.
		let sql =
			`${SELECT_HIT} FROM initiative_geo g CROSS JOIN initiatives i ON i.pk = g.id` +
			' WHERE g.max_lat >= ? AND g.min_lat <= ? AND g.max_lng >= ? AND g.min_lng <= ?';
		sql += commonFilters(query, params);
		const text = query.match
			? { sql: ' AND EXISTS (SELECT 1 FROM initiative_fts WHERE initiative_fts MATCH ? AND rowid = i.pk)', param: query.match }
			: undefined;
		all.push(...finish(sqlite, sql, params, ringKm, query.limit, text));
	}
	return box.lngRanges.length > 1 ? sortHits(all) : all;
}

/** Rare words: read their few FTS5 rows and keep those in the circle. */
function searchTextFirst(sqlite: Database.Database, query: ProximityQuery): ProximityHit[] {
	const box = radiusBox(query.lat, query.lng, query.radiusKm);
	const params: unknown[] = [query.lat, query.lng, query.match, box.minLat - BOX_PAD_DEG, box.maxLat + BOX_PAD_DEG];
	const lngSql = box.lngRanges
		.map(([minLng, maxLng]) => {
			params.push(minLng - BOX_PAD_DEG, maxLng + BOX_PAD_DEG);
			return 'i.lng BETWEEN ? AND ?';
		})
		.join(' OR ');
	let sql =
		`${SELECT_HIT} FROM initiative_fts f CROSS JOIN initiatives i ON i.pk = f.rowid` +
		` WHERE initiative_fts MATCH ? AND i.lat BETWEEN ? AND ? AND (${lngSql})`;
	sql += commonFilters(query, params);
	return finish(sqlite, sql, params, query.radiusKm, query.limit);
}

function sortHits(hits: ProximityHit[]): ProximityHit[] {
	return hits.sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Initiative keys inside a lat/lng box (lng ranges already split at the antimeridian), at most `cap`. */
export function findInBox(
	sqlite: Database.Database,
	box: { minLat: number; maxLat: number; lngRanges: LngRange[] },
	cap: number
): number[] {
	const out: number[] = [];
	const sql =
		'SELECT id FROM initiative_geo WHERE max_lat >= ? AND min_lat <= ? AND max_lng >= ? AND min_lng <= ? LIMIT ?';
	for (const [minLng, maxLng] of box.lngRanges) {
		if (out.length >= cap) break;
		const rows = statement(sqlite, sql).all(box.minLat, box.maxLat, minLng, maxLng, cap - out.length) as { id: number }[];
		for (const row of rows) out.push(row.id);
	}
	return out;
}
