import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '$lib/domain/geo';
import { findInBox, findNear, ftsQueryFromText, keyRanges, type ProximityHit, type ProximityQuery, type TextPlan } from '.';
import { keyCellBox, seekGroups } from './geo-keys';
import { hasWordPrefix } from './text-match';
import { migrated } from '../db';

const WORDS = ['compost', 'jardin', 'école', 'vélo', 'amap', 'repair', 'café', 'énergie'];
/** They share 4 letters with words above: prefixes longer than the prefix index must still tell them apart. */
const LONGER = ['jardinage', 'comptoir', ''];
const CATS = ['environment', 'food', 'mobility'];
let sqlite: Database.Database;
let rows: { pk: number; id: string; lat: number; lng: number; category: string; text: string }[];

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number) {
	return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

beforeAll(() => {
	sqlite = new Database(':memory:');
	migrated(sqlite);
	sqlite.prepare("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES ('u1', 'u@x.fr', 'x', 'U', 0, 0)").run();
	const insert = sqlite.prepare(
		"INSERT INTO initiatives (id, owner_id, title, summary, category, lat, lng, created_at, updated_at, last_activity_at) VALUES (?, 'u1', ?, '', ?, ?, ?, 0, 0, 0)"
	);
	const random = rng(42);
	rows = [];
	sqlite.transaction(() => {
		for (let k = 0; k < 3000; k++) {
			// Dense around Lyon, some points on a grid (equal distances), a few across the antimeridian and near the pole.
			const polar = k % 89 === 0 && k % 10 !== 0 && k % 97 !== 0;
			let lat = k % 10 === 0 ? 45.7 + (k % 7) * 0.01 : k % 97 === 0 ? -17.7 + random() * 0.1 : 45.5 + random() * 0.5;
			let lng = k % 10 === 0 ? 4.8 : k % 97 === 0 ? (random() < 0.5 ? 179.95 : -179.95) : 4.6 + random() * 0.5;
			if (polar) [lat, lng] = [89 + random(), random() * 360 - 180];
			const text = `${WORDS[k % WORDS.length]} ${WORDS[(k * 7) % WORDS.length]} ${k} ${LONGER[k % 3]}`.trim();
			const category = CATS[k % CATS.length];
			const id = `init-${String(k).padStart(5, '0')}`;
			const info = insert.run(id, text, category, lat, lng);
			rows.push({ pk: Number(info.lastInsertRowid), id, lat, lng, category, text });
		}
	})();
});

const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** What `q` means, by brute force: every word whole, the last one as a prefix from 3 letters on. */
function matchesText(text: string, q: string): boolean {
	const words = strip(text).split(' ');
	const tokens = strip(q).split(' ');
	const last = tokens.pop()!;
	const lastMatches = last.length >= 3 ? words.some((w) => w.startsWith(last)) : words.includes(last);
	return lastMatches && tokens.every((t) => words.includes(t));
}

/** The answer by brute force: every row, exact distance, sorted. */
function bruteForce(q: ProximityQuery, text?: string): ProximityHit[] {
	return rows
		.map((r) => ({ ...r, distanceKm: haversineKm(q.lat, q.lng, r.lat, r.lng) }))
		.filter((r) => r.distanceKm <= q.radiusKm && (!q.category || r.category === q.category))
		.filter((r) => !text || matchesText(r.text, text))
		.sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : 1))
		.map((r) => ({ pk: r.pk, id: r.id, distanceKm: r.distanceKm }));
}

/** Every page of a query, following `more`. */
function allPages(q: ProximityQuery, plan?: TextPlan): { hits: ProximityHit[]; pages: number } {
	const hits: ProximityHit[] = [];
	let after: ProximityQuery['after'];
	let pages = 0;
	for (;;) {
		const page = findNear(sqlite, { ...q, after }, { plan });
		hits.push(...page.hits);
		pages += 1;
		if (!page.more) return { hits, pages };
		const last = page.hits[page.hits.length - 1];
		after = { distanceKm: last.distanceKm, id: last.id };
	}
}

describe('findNear matches a brute-force scan', () => {
	it.each([
		['Lyon 5 km', { lat: 45.75, lng: 4.85, radiusKm: 5, limit: 20 }],
		['grid point, equal distances', { lat: 45.7, lng: 4.8, radiusKm: 3, limit: 7 }],
		['category', { lat: 45.75, lng: 4.85, radiusKm: 8, limit: 13, category: 'food' }],
		['large radius', { lat: 45.75, lng: 4.85, radiusKm: 200, limit: 100 }],
		['antimeridian', { lat: -17.65, lng: 179.99, radiusKm: 50, limit: 5 }],
		['empty area', { lat: 10, lng: 10, radiusKm: 10, limit: 20 }]
	] as const)('%s, across every page', (_name, q) => {
		const { hits } = allPages(q);
		expect(hits).toEqual(bruteForce(q));
	});

	it.each(['auto', 'ranges', 'text-first', 'rings'] as const)('text queries give the same pages with the %s plan', (plan) => {
		// Whole words, prefixes at each indexed length and beyond it, and a last word too short to be a prefix.
		for (const word of ['ecole', 'VELO', 'compost', 'jard', 'éco', 'compo', 'jardina', 'velo repai', 'amap ca']) {
			// The rings plan checks the text row by row: a wide circle would only make the test slow.
			for (const radiusKm of [6, plan === 'rings' ? 15 : 60]) {
				const q = { lat: 45.75, lng: 4.85, radiusKm, limit: 9, match: ftsQueryFromText(word) };
				const { hits, pages } = allPages(q, plan);
				const expected = bruteForce(q, word);
				expect(hits).toEqual(expected);
				// Each query must cross pages to test the cursor; a last word too short for a prefix finds nothing here.
				if (word.endsWith(' ca')) expect(expected).toEqual([]);
				else expect({ word, pages: pages > 1 }).toEqual({ word, pages: true });
			}
		}
	});

	it.each(['auto', 'ranges', 'text-first', 'rings'] as const)('text across the antimeridian and at a pole with the %s plan', (plan) => {
		const cases = [
			['compost', { lat: -17.65, lng: 179.99, radiusKm: 50, limit: 2 }],
			['comp', { lat: -17.65, lng: 179.99, radiusKm: 50, limit: 2 }],
			['jardin', { lat: 89.95, lng: 10, radiusKm: 200, limit: 2 }],
			['jardina', { lat: 89.95, lng: 10, radiusKm: 200, limit: 1 }],
			// West of the antimeridian, and a circle near the pole whose cells span many longitudes each side of it.
			['compost', { lat: -17.65, lng: -179.99, radiusKm: 50, limit: 2 }],
			['ecole', { lat: 89.5, lng: 179.9, radiusKm: 150, limit: 2 }]
		] as const;
		for (const [word, at] of cases) {
			const q = { ...at, match: ftsQueryFromText(word) };
			const { hits } = allPages(q, plan);
			expect({ word, found: hits.length > 2 }).toEqual({ word, found: true });
			expect(hits).toEqual(bruteForce(q, word));
		}
	});
});

describe('text near a point, edge cases', () => {
	it.each(['auto', 'ranges'] as const)('orders ties (many initiatives on one spot) by id across pages with the %s plan', (plan) => {
		// About twenty 'école' rows share each grid point: pages of 3 cut through the ties.
		const q = { lat: 45.7, lng: 4.8, radiusKm: 3, limit: 3, match: ftsQueryFromText('ecole') };
		const expected = bruteForce(q, 'ecole');
		expect(expected.filter((h) => h.distanceKm === 0).length).toBeGreaterThan(6);
		expect(allPages(q, plan).hits).toEqual(expected);
	});

	it('orders ties by id when ids run against the insertion order', () => {
		// Rows are read in batches in row-id order (pk within a cell): the smallest ids here come last.
		const insert = sqlite.prepare(
			"INSERT INTO initiatives (id, owner_id, title, category, lat, lng, created_at, updated_at, last_activity_at) VALUES (?, 'u1', 'Permaculture', 'food', 45.91234, 4.95678, 0, 0, 0)"
		);
		const ids = Array.from({ length: 30 }, (_, k) => `tie-${String(29 - k).padStart(2, '0')}`);
		try {
			for (const id of ids) insert.run(id);
			const q = { lat: 45.91234, lng: 4.95678, radiusKm: 5, limit: 3, match: ftsQueryFromText('permaculture') };
			const found = allPages(q, 'ranges').hits.map((h) => h.id);
			expect(found).toEqual([...ids].sort());
		} finally {
			sqlite.prepare("DELETE FROM initiatives WHERE id LIKE 'tie-%'").run();
		}
	});

	it.each(['auto', 'ranges'] as const)('keeps only the category with the %s plan', (plan) => {
		for (const word of ['jard', 'compo']) {
			const q = { lat: 45.75, lng: 4.85, radiusKm: 8, limit: 5, category: 'food', match: ftsQueryFromText(word) };
			const { hits, pages } = allPages(q, plan);
			expect(pages).toBeGreaterThan(1);
			expect(hits).toEqual(bruteForce(q, word));
		}
	});

	it('gives pages larger than one batch of rows (256) in order', () => {
		const q = { lat: 45.75, lng: 4.85, radiusKm: 60, limit: 300, match: ftsQueryFromText('ecole') };
		const { hits, pages } = allPages(q, 'ranges');
		expect(pages).toBeGreaterThan(1);
		expect(hits).toEqual(bruteForce(q, 'ecole'));
	});

	it('finds nothing, and says no more follow, for a word no initiative near the point has', () => {
		const page = findNear(sqlite, { lat: 45.75, lng: 4.85, radiusKm: 20, limit: 5, match: ftsQueryFromText('zzyzx') });
		expect(page).toEqual({ hits: [], more: false });
		// Text with nothing searchable is no text filter at all.
		expect(ftsQueryFromText(' ,;! ')).toBeUndefined();
	});
});

describe('ftsQueryFromText', () => {
	const cols = '{title summary place_name} : ';
	it.each([
		['jard', { fts: `${cols}("jard"*)` }],
		['ÉCO', { fts: `${cols}("eco"*)` }],
		// Longer than the prefix index: FTS5 reads the first 4 letters, rows are checked against all of them.
		['école', { fts: `${cols}("ecol"*)`, wordPrefix: 'ecole' }],
		['vélo école', { fts: `${cols}("vélo" "ecol"*)`, wordPrefix: 'ecole' }],
		[`'; DROP TABLE x; --`, { fts: `${cols}("DROP" "TABLE" "x")` }],
		['"NEAR(a b)" OR *', { fts: `${cols}("NEAR" "a" "b" "OR")` }],
		['  ', undefined],
		['*"()^', undefined]
	])('%j → %j', (text, expected) => {
		expect(ftsQueryFromText(text)).toEqual(expected);
	});

	it.each([
		['jard', 'Jardin partagé', true],
		['ecole', 'Vélo-École de Lyon', true],
		['ecole', 'Pédibus de l’école', true],
		['jardina', 'Jardin partagé', false],
		['ardin', 'Jardin partagé', false],
		['ecole', 'Trois heures', false]
	])('hasWordPrefix(%j, %j) is %j', (prefix, text, expected) => {
		expect(hasWordPrefix(prefix, '', text, null)).toBe(expected);
	});

	it('keeps the full-text index in step when a row moves or is deleted', () => {
		const match = ftsQueryFromText('déménagement');
		const near = (lat: number, lng: number) => findNear(sqlite, { lat, lng, radiusKm: 1, limit: 5, match }).hits.map((h) => h.id);
		sqlite.prepare("INSERT INTO initiatives (id, owner_id, title, category, lat, lng, created_at, updated_at, last_activity_at) VALUES ('moving', 'u1', 'Déménagement', 'other', 45.0, 5.0, 0, 0, 0)").run();
		expect(near(45.0, 5.0)).toEqual(['moving']);
		sqlite.prepare("UPDATE initiatives SET lat = 45.2, lng = 5.3 WHERE id = 'moving'").run();
		expect(near(45.0, 5.0)).toEqual([]);
		expect(near(45.2, 5.3)).toEqual(['moving']);
		sqlite.prepare("DELETE FROM initiatives WHERE id = 'moving'").run();
		expect(near(45.2, 5.3)).toEqual([]);
		sqlite.exec("INSERT INTO initiative_fts (initiative_fts) VALUES ('integrity-check')");
	});

	it('never makes FTS5 throw', () => {
		for (const text of ['"', 'a"b', 'AND', 'NOT x', 'col:x', '^x', 'x*y', "l'école", '１２３', 'ß', '\u0000']) {
			const match = ftsQueryFromText(text);
			if (match) expect(() => findNear(sqlite, { lat: 45.75, lng: 4.85, radiusKm: 5, limit: 5, match })).not.toThrow();
		}
	});
});

describe('keyRanges', () => {
	it('holds the row id of every initiative inside the circle, at every level', () => {
		const keys = new Map((sqlite.prepare('SELECT pk, geo_key FROM initiatives').safeIntegers().all() as { pk: bigint; geo_key: bigint }[]).map((r) => [Number(r.pk), r.geo_key]));
		const random = rng(7);
		const missed: string[] = [];
		for (let n = 0; n < 120; n++) {
			const centre = rows[Math.floor(random() * rows.length)];
			const radiusKm = [0.2, 0.8, 3, 12, 40, 150][n % 6];
			const ranges = keyRanges(centre.lat, centre.lng, radiusKm);
			if (!ranges) continue;
			for (const r of rows) {
				if (haversineKm(centre.lat, centre.lng, r.lat, r.lng) > radiusKm) continue;
				const key = keys.get(r.pk)!;
				if (!ranges.some(([lo, hi]) => key >= lo && key <= hi)) missed.push(`${r.id} from ${centre.id} at ${radiusKm} km`);
			}
		}
		expect(missed).toEqual([]);
	});
});

describe('keyCellBox', () => {
	it('holds every initiative inside the cell its row id names', () => {
		const keys = sqlite.prepare('SELECT lat, lng, geo_key >> 31 AS cell FROM initiatives').all() as { lat: number; lng: number; cell: number }[];
		const outside = keys.filter(({ lat, lng, cell }) => {
			const box = keyCellBox(cell);
			return lat < box.minLat || lat > box.maxLat || lng < box.minLng || lng > box.maxLng;
		});
		expect(outside).toEqual([]);
		// A cell is 0.00625° a side (plus the padding), not the whole grid.
		const box = keyCellBox(keys[0].cell);
		expect(box.maxLat - box.minLat).toBeLessThan(0.0063);
		expect(box.maxLng - box.minLng).toBeLessThan(0.0063);
	});
});

describe('seekGroups', () => {
	it('keeps every range in order, one group per 0.1° row of the grid', () => {
		// 45.75° is the middle of a 0.1° row: a 2 km circle stays in it, a 20 km one spans several.
		const small = keyRanges(45.75, 4.85, 2)!;
		expect(small.length).toBeGreaterThan(1);
		expect(seekGroups(small)).toEqual([small]);
		const large = keyRanges(45.75, 4.85, 20)!;
		const groups = seekGroups(large);
		expect(groups.flat()).toEqual(large);
		expect(groups.length).toBeGreaterThan(1);
		expect(groups.length).toBeLessThanOrEqual(large.length);
	});
});

describe('findInBox', () => {
	it('finds points in each longitude range', () => {
		const pks = findInBox(sqlite, { minLat: -18, maxLat: -17, lngRanges: [[179.9, 180], [-180, -179.9]] }, 1000);
		expect(pks.sort()).toEqual(rows.filter((r) => r.lat < 0).map((r) => r.pk).sort());
	});
});
