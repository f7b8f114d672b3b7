/**
 * `npm run bench:proximity`: the proximity index at 100,000 and 1,000,000
 * initiatives spread like France's population, against a full-table
 * haversine scan in the same run. Prints figures; never a pass/fail test.
 * BENCH_SIZES=100000 limits the sizes, BENCH_QUERIES the queries per set.
 */
import type Database from 'better-sqlite3';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DISTANCE_FUNCTION, findNear, ftsQueryFromText, registerGeoFunctions, WORD_PREFIX_FUNCTION, type ProximityQuery, type TextMatch } from '../sync-server/store/proximity-index';
import { PK_MASK } from '../sync-server/store/proximity-index/geo-keys';
import { loadPlaceRows, populationPicker, seededRandom } from '../scripts/demo/places';
import { benchDatabase } from './lib/proximity-data';
import { meetingsCase } from './lib/meetings-proximity';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number).filter((n) => n > 0);
/** The meetings case (`BENCH_MEETINGS=0` skips it). */
const MEETING_SIZES = (process.env.BENCH_MEETINGS ?? '1000000').split(',').map(Number).filter((n) => n > 0);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const SCAN_QUERIES = Number(process.env.BENCH_SCAN_QUERIES ?? 20);
const RADIUS_KM = 10;
const LIMIT = 20;
const WORDS = ['jardin', 'compost', 'velo', 'repair', 'ecole', 'amap', 'solidaire', 'climat', 'energie', 'livres'];
/** What someone typing gets mid-word: the first 3–5 letters of common title words (5 is past the prefix index). */
const PREFIXES = ['jar', 'comp', 'vel', 'repai', 'eco', 'ama', 'solid', 'clim', 'ener', 'livr', 'parta', 'atel'];

const places = loadPlaceRows();

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Timing {
	p50: number;
	p99: number;
	mean: number;
	avgHits: number;
	/** p50/p99 of each query's best of 3 runs: its own cost, without the neighbours' preemption on a shared machine. */
	bestOf3P50: number;
	bestOf3P99: number;
}

function time(sqlite: Database.Database, queries: ProximityQuery[]): Timing {
	const ms: number[] = [];
	const best: number[] = [];
	let hits = 0;
	for (const q of queries) {
		let fastest = Infinity;
		for (let run = 0; run < 3; run++) {
			const t = process.hrtime.bigint();
			const found = findNear(sqlite, q).hits.length;
			const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
			// The first run is the honest single-shot figure; the others only feed the best-of-3.
			if (run === 0) {
				hits += found;
				ms.push(elapsed);
			}
			fastest = Math.min(fastest, elapsed);
		}
		best.push(fastest);
	}
	ms.sort((a, b) => a - b);
	best.sort((a, b) => a - b);
	return {
		p50: percentile(ms, 50),
		p99: percentile(ms, 99),
		mean: ms.reduce((a, b) => a + b, 0) / ms.length,
		avgHits: hits / queries.length,
		bestOf3P50: percentile(best, 50),
		bestOf3P99: percentile(best, 99)
	};
}

/** Text queries checked (untimed) against every matching row's exact distance. */
function textMismatches(sqlite: Database.Database, queries: ProximityQuery[]): number {
	const stmt = sqlite.prepare(
		`SELECT id, ${DISTANCE_FUNCTION}(?, ?, lat, lng) AS d FROM initiatives WHERE pk IN (SELECT rowid & ${PK_MASK} FROM initiative_fts WHERE initiative_fts MATCH ?)` +
			` AND (? IS NULL OR ${WORD_PREFIX_FUNCTION}(?, title, summary, place_name)) AND d <= ? ORDER BY d, id LIMIT ?`
	);
	return queries.filter((q) => {
		const prefix = q.match?.wordPrefix ?? null;
		const rows = stmt.all(q.lat, q.lng, q.match?.fts, prefix, prefix, q.radiusKm, q.limit) as { id: string }[];
		return findNear(sqlite, q).hits.map((h) => h.id).join() !== rows.map((r) => r.id).join();
	}).length;
}

/** The baseline: every row's exact distance, no index. Also checks the index gives the same ids. */
function scan(sqlite: Database.Database, queries: ProximityQuery[]): { mean: number; p50: number; mismatches: number } {
	const stmt = sqlite.prepare(
		`SELECT id, ${DISTANCE_FUNCTION}(?, ?, lat, lng) AS d FROM initiatives WHERE d <= ? ORDER BY d, id LIMIT ?`
	);
	const ms: number[] = [];
	let mismatches = 0;
	for (const q of queries) {
		const t = process.hrtime.bigint();
		const rows = stmt.all(q.lat, q.lng, q.radiusKm, q.limit) as { id: string }[];
		ms.push(Number(process.hrtime.bigint() - t) / 1e6);
		const indexed = findNear(sqlite, q).hits.map((h) => h.id);
		if (indexed.join() !== rows.map((r) => r.id).join()) mismatches += 1;
	}
	ms.sort((a, b) => a - b);
	return { mean: ms.reduce((a, b) => a + b, 0) / ms.length, p50: percentile(ms, 50), mismatches };
}

const results: Record<string, unknown>[] = [];
console.log(`Proximity benchmark — radius ${RADIUS_KM} km, limit ${LIMIT}, ${QUERIES} queries per set, ${cpus().length} CPU(s), Node ${process.version}`);
for (const n of SIZES) {
	console.log(`\n${n.toLocaleString('en')} initiatives`);
	const { sqlite, path, insertSeconds, origin } = benchDatabase(n, places);
	registerGeoFunctions(sqlite);
	const random = seededRandom(7);
	const weighted = populationPicker(places, random);
	const town = () => places[Math.floor(random() * places.length)];
	const at = (row: (typeof places)[number], match?: TextMatch): ProximityQuery => ({ lat: row[3], lng: row[4], radiusKm: RADIUS_KM, limit: LIMIT, match });
	const word = () => ftsQueryFromText(WORDS[Math.floor(random() * WORDS.length)]);
	const prefix = () => ftsQueryFromText(PREFIXES[Math.floor(random() * PREFIXES.length)]);
	const sets: Record<string, ProximityQuery[]> = {
		'random towns': Array.from({ length: QUERIES }, () => at(town())),
		'random towns + text': Array.from({ length: QUERIES }, () => at(town(), word())),
		'weighted by population': Array.from({ length: QUERIES }, () => at(weighted())),
		'weighted + text': Array.from({ length: QUERIES }, () => at(weighted(), word())),
		'random towns + prefix': Array.from({ length: QUERIES }, () => at(town(), prefix())),
		'weighted + prefix': Array.from({ length: QUERIES }, () => at(weighted(), prefix()))
	};
	// Warm up with other queries than the timed ones (another seed), every plan included.
	const warmRandom = seededRandom(11);
	const warm = Array.from({ length: 300 }, (_, k) => {
		const row = places[Math.floor(warmRandom() * places.length)];
		const text = k % 3 === 1 ? WORDS[k % WORDS.length] : k % 3 === 2 ? PREFIXES[k % PREFIXES.length] : undefined;
		return at(row, text === undefined ? undefined : ftsQueryFromText(text));
	});
	time(sqlite, warm);
	const baseline = scan(sqlite, sets['random towns'].slice(0, SCAN_QUERIES));
	const textSets = ['random towns + text', 'weighted + text', 'random towns + prefix', 'weighted + prefix'];
	const textChecked = textMismatches(sqlite, textSets.flatMap((name) => sets[name].slice(0, SCAN_QUERIES)));
	// Pages freed by the index merge stay in the file until a VACUUM: report both.
	const size = statSync(path).size;
	const freeBytes = (sqlite.pragma('freelist_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number);
	const rows: (Timing & { set: string; speedupVsScan: number })[] = [];
	for (const [name, queries] of Object.entries(sets)) {
		const t = time(sqlite, queries);
		rows.push({ set: name, ...t, speedupVsScan: baseline.mean / t.mean });
	}
	const inserted = insertSeconds === undefined ? `${origin} DB` : `insert ${insertSeconds.toFixed(1)} s`;
	console.log(`  ${inserted}, DB ${(size / 1e6).toFixed(1)} MB (${(freeBytes / 1e6).toFixed(1)} MB free pages), full scan mean ${baseline.mean.toFixed(1)} ms (${SCAN_QUERIES} queries, ${baseline.mismatches} mismatches with the index; ${textChecked} text mismatches)`);
	console.log('  set                       p50 ms   p99 ms  mean ms  hits  ×scan   best-of-3 p50/p99 ms');
	for (const r of rows) {
		console.log(
			`  ${r.set.padEnd(24)} ${r.p50.toFixed(3).padStart(7)} ${r.p99.toFixed(3).padStart(8)} ${r.mean.toFixed(3).padStart(8)} ${r.avgHits.toFixed(1).padStart(5)} ${Math.round(r.speedupVsScan).toString().padStart(6)}   ${r.bestOf3P50.toFixed(3)} / ${r.bestOf3P99.toFixed(3)}`
		);
	}
	results.push({ initiatives: n, origin, insertSeconds, dbBytes: size, dbFreeBytes: freeBytes, scan: { queries: SCAN_QUERIES, ...baseline, textMismatches: textChecked }, sets: rows });
	sqlite.close();
}
const meetings = MEETING_SIZES.map((n) => meetingsCase(n, QUERIES, SCAN_QUERIES));
if (meetings.length) {
	const meetingsOut = fileURLToPath(new URL('./results/proximity-meetings.json', import.meta.url));
	writeFileSync(meetingsOut, JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, node: process.version, meetings }, null, 2) + '\n');
}
const out = fileURLToPath(new URL('./results/proximity.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('./results', import.meta.url)), { recursive: true });
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, node: process.version, radiusKm: RADIUS_KM, limit: LIMIT, queriesPerSet: QUERIES, results, meetings }, null, 2) + '\n');
console.log(`\nFigures written to ${out}`);
