/**
 * `npm run bench:proximity`: the proximity index at 100,000 and 1,000,000
 * initiatives spread like France's population, against a full-table
 * haversine scan in the same run. Prints figures; never a pass/fail test.
 * BENCH_SIZES=100000 limits the sizes, BENCH_QUERIES the queries per set,
 * BENCH_RUNS the runs (each a new sample of queries; medians and min–max over
 * them are reported, never a best-of). BENCH_BEFORE=<git ref> also times the
 * proximity index of that ref on the same database, alternating query by query, on a
 * connection with default settings, or tuned like this tree's with BENCH_BEFORE_TUNED=1
 * (a ref that already has sync-server/store/pragmas.ts: then only the index code differs).
 * Each query is timed once per run in wall-clock and in process CPU time
 * (user + system): on a shared machine the CPU time is the steadier figure.
 */
import Database from 'better-sqlite3';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DISTANCE_FUNCTION, findNear, ftsQueryFromText, registerGeoFunctions, WORD_PREFIX_FUNCTION, type ProximityQuery, type TextMatch } from '../sync-server/store/proximity-index';
import { PK_MASK } from '../sync-server/store/proximity-index/geo-keys';
import { loadPlaceRows, populationPicker, seededRandom } from '../scripts/demo/places';
import { benchDatabase } from './lib/proximity-data';
import { meetingsCase } from './lib/meetings-proximity';
import { proximityAt } from './lib/proximity-before';
import { percentile, spreadOf, type Spread } from './lib/spread';
import { tuneReads } from '../sync-server/store/pragmas';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number).filter((n) => n > 0);
/** The meetings case (`BENCH_MEETINGS=0` skips it). */
const MEETING_SIZES = (process.env.BENCH_MEETINGS ?? '1000000').split(',').map(Number).filter((n) => n > 0);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const SCAN_QUERIES = Number(process.env.BENCH_SCAN_QUERIES ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BEFORE = process.env.BENCH_BEFORE ? await proximityAt(process.env.BENCH_BEFORE) : undefined;
const BEFORE_TUNED = process.env.BENCH_BEFORE_TUNED === '1';
const RADIUS_KM = 10;
const LIMIT = 20;
const WORDS = ['jardin', 'compost', 'velo', 'repair', 'ecole', 'amap', 'solidaire', 'climat', 'energie', 'livres'];
/** What someone typing gets mid-word: the first 3–5 letters of common title words (5 is past the prefix index). */
const PREFIXES = ['jar', 'comp', 'vel', 'repai', 'eco', 'ama', 'solid', 'clim', 'ener', 'livr', 'parta', 'atel'];

const places = loadPlaceRows();


type Find = typeof findNear;

/** One run of one set with one version of the index: wall-clock and CPU time per query, in ms. */
interface Timing {
	p50: number;
	p99: number;
	mean: number;
	cpuP50: number;
	cpuMean: number;
	avgHits: number;
}

/** Medians (min–max) over the runs, in µs. */
type Summary = Record<keyof Timing, Spread>;

function timingOf(ms: number[], cpu: number[], hits: number): Timing {
	ms.sort((a, b) => a - b);
	cpu.sort((a, b) => a - b);
	const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
	return { p50: percentile(ms, 50), p99: percentile(ms, 99), mean: mean(ms), cpuP50: percentile(cpu, 50), cpuMean: mean(cpu), avgHits: hits / ms.length };
}

/**
 * Each query once with every version, the order alternating from one query to the next so
 * neither version always finds the pages the other just read. Also counts differing answers.
 */
function time(versions: { find: Find; sqlite: Database.Database }[], queries: ProximityQuery[]): { timings: Timing[]; differing: number } {
	const ms = versions.map(() => [] as number[]);
	const cpu = versions.map(() => [] as number[]);
	const hits = versions.map(() => 0);
	let differing = 0;
	queries.forEach((q, k) => {
		const answers: string[] = [];
		for (let n = 0; n < versions.length; n++) {
			const v = (n + k) % versions.length;
			const { find, sqlite } = versions[v];
			const cpu0 = process.cpuUsage();
			const t = process.hrtime.bigint();
			const found = find(sqlite, q).hits;
			ms[v].push(Number(process.hrtime.bigint() - t) / 1e6);
			const used = process.cpuUsage(cpu0);
			cpu[v].push((used.user + used.system) / 1000);
			hits[v] += found.length;
			answers[v] = JSON.stringify(found);
		}
		if (answers.some((a) => a !== answers[0])) differing += 1;
	});
	return { timings: versions.map((_, v) => timingOf(ms[v], cpu[v], hits[v])), differing };
}

function summarize(runs: Timing[]): Summary {
	const keys = Object.keys(runs[0]) as (keyof Timing)[];
	return Object.fromEntries(keys.map((k) => [k, spreadOf(runs.map((r) => r[k] * 1000))])) as Summary;
}

/** Bytes of the database file, its free pages, and each table or index from dbstat when compiled in. */
function databaseSize(sqlite: Database.Database): { bytes: number; freeBytes: number; byName?: Record<string, number> } {
	const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
	const bytes = (sqlite.pragma('page_count', { simple: true }) as number) * pageSize;
	const freeBytes = (sqlite.pragma('freelist_count', { simple: true }) as number) * pageSize;
	try {
		const rows = sqlite.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as { name: string; bytes: number }[];
		return { bytes, freeBytes, byName: Object.fromEntries(rows.map((r) => [r.name, r.bytes])) };
	} catch {
		return { bytes, freeBytes };
	}
}

const fmtMs = (s: Spread) => `${(s.median / 1000).toFixed(3)} (${(s.min / 1000).toFixed(3)}–${(s.max / 1000).toFixed(3)})`;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

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
console.log(`Proximity benchmark — radius ${RADIUS_KM} km, limit ${LIMIT}, ${QUERIES} queries per set, ${RUNS} runs, ${cpus().length} CPU(s), Node ${process.version}, load average ${load()}`);
if (BEFORE) console.log(`Before: the proximity index at ${process.env.BENCH_BEFORE} (${BEFORE.commit}), ${BEFORE_TUNED ? 'connection tuned like after' : 'default connection settings'}; after: this tree, connections tuned by sync-server/store/pragmas.ts`);
for (const n of SIZES) {
	console.log(`\n${n.toLocaleString('en')} initiatives`);
	const { sqlite, path, insertSeconds, origin } = benchDatabase(n, places);
	tuneReads(sqlite);
	registerGeoFunctions(sqlite);
	const versions = [{ name: 'after', find: findNear, sqlite }];
	if (BEFORE) {
		const untuned = new Database(path);
		untuned.pragma('journal_mode = WAL');
		if (BEFORE_TUNED) tuneReads(untuned);
		versions.unshift({ name: 'before', find: BEFORE.findNear, sqlite: untuned });
	}
	const setsOf = (seed: number): Record<string, ProximityQuery[]> => {
		const random = seededRandom(seed);
		const weighted = populationPicker(places, random);
		const town = () => places[Math.floor(random() * places.length)];
		const at = (row: (typeof places)[number], match?: TextMatch): ProximityQuery => ({ lat: row[3], lng: row[4], radiusKm: RADIUS_KM, limit: LIMIT, match });
		const word = () => ftsQueryFromText(WORDS[Math.floor(random() * WORDS.length)]);
		const prefix = () => ftsQueryFromText(PREFIXES[Math.floor(random() * PREFIXES.length)]);
		return {
			'random towns': Array.from({ length: QUERIES }, () => at(town())),
			'random towns + text': Array.from({ length: QUERIES }, () => at(town(), word())),
			'weighted by population': Array.from({ length: QUERIES }, () => at(weighted())),
			'weighted + text': Array.from({ length: QUERIES }, () => at(weighted(), word())),
			'random towns + prefix': Array.from({ length: QUERIES }, () => at(town(), prefix())),
			'weighted + prefix': Array.from({ length: QUERIES }, () => at(weighted(), prefix()))
		};
	};
	// Warm up with other queries than the timed ones (another seed), every plan included.
	const warmRandom = seededRandom(11);
	const warm = Array.from({ length: 300 }, (_, k) => {
		const row = places[Math.floor(warmRandom() * places.length)];
		const text = k % 3 === 1 ? WORDS[k % WORDS.length] : k % 3 === 2 ? PREFIXES[k % PREFIXES.length] : undefined;
		return { lat: row[3], lng: row[4], radiusKm: RADIUS_KM, limit: LIMIT, match: text === undefined ? undefined : ftsQueryFromText(text) };
	});
	// Every page once through each connection first: a memory-mapped connection pays a page fault the first time it
	// touches a page, and the untimed checks below (a full scan) run on the "after" one only, which otherwise made
	// the same code measure ≈ 0.2 ms faster as "after" than as "before".
	for (const v of versions) v.sqlite.pragma('quick_check');
	time(versions, warm);
	const first = setsOf(7);
	const baseline = scan(sqlite, first['random towns'].slice(0, SCAN_QUERIES));
	const textSets = ['random towns + text', 'weighted + text', 'random towns + prefix', 'weighted + prefix'];
	const textChecked = textMismatches(sqlite, textSets.flatMap((name) => first[name].slice(0, SCAN_QUERIES)));
	// Pages freed by the index merge stay in the file until a VACUUM: report both.
	const size = statSync(path).size;
	const db = databaseSize(sqlite);
	// Run r draws its own queries (run 0 the same as before this bench had runs).
	const perRun = new Map<string, Timing[][]>();
	let differing = 0;
	const loads: string[] = [];
	for (let run = 0; run < RUNS; run++) {
		for (const [name, queries] of Object.entries(run === 0 ? first : setsOf(7 + 1000 * run))) {
			const { timings, differing: d } = time(versions, queries);
			differing += d;
			const runs = perRun.get(name) ?? versions.map(() => []);
			timings.forEach((t, v) => runs[v].push(t));
			perRun.set(name, runs);
		}
		loads.push(load());
	}
	const rows = [...perRun].map(([set, runs]) => {
		const [after, before] = [summarize(runs[versions.length - 1]), versions.length > 1 ? summarize(runs[0]) : undefined];
		return { set, p50: after.p50.median / 1000, p99: after.p99.median / 1000, mean: after.mean.median / 1000, avgHits: after.avgHits.median / 1000, after, before };
	});
	const inserted = insertSeconds === undefined ? `${origin} DB` : `insert ${insertSeconds.toFixed(1)} s`;
	console.log(`  ${inserted}, DB ${(size / 1e6).toFixed(1)} MB file, ${(db.bytes / 1e6).toFixed(1)} MB in pages (${(db.freeBytes / 1e6).toFixed(1)} MB free pages), full scan mean ${baseline.mean.toFixed(1)} ms (${SCAN_QUERIES} queries, ${baseline.mismatches} mismatches with the index; ${textChecked} text mismatches)`);
	if (db.byName) console.log(`  largest: ${Object.entries(db.byName).slice(0, 8).map(([k, b]) => `${k} ${(b / 1e6).toFixed(1)} MB`).join(', ')}`);
	console.log(`  load average after each run: ${loads.join(' | ')}`);
	if (BEFORE) console.log(`  answers differing between before and after: ${differing} of ${RUNS * QUERIES * rows.length}`);
	console.log(`  medians (min–max) over ${RUNS} runs, ms per query`);
	for (const v of BEFORE ? (['before', 'after'] as const) : (['after'] as const)) {
		console.log(`  ${v.padEnd(24)} ${'wall p50'.padEnd(22)}${'wall p99'.padEnd(24)}${'CPU mean'.padEnd(22)}CPU p50`);
		for (const r of rows) {
			const t = r[v]!;
			console.log(`  ${r.set.padEnd(24)} ${fmtMs(t.p50).padEnd(22)}${fmtMs(t.p99).padEnd(24)}${fmtMs(t.cpuMean).padEnd(22)}${fmtMs(t.cpuP50)}   ${(t.avgHits.median / 1000).toFixed(1)} hits`);
		}
	}
	results.push({ initiatives: n, origin, insertSeconds, dbBytes: size, dbPageBytes: db.bytes, dbFreeBytes: db.freeBytes, dbByName: db.byName, runs: RUNS, loadAverages: loads, before: BEFORE && { ref: process.env.BENCH_BEFORE, commit: BEFORE.commit, differing }, scan: { queries: SCAN_QUERIES, ...baseline, textMismatches: textChecked }, sets: rows.map((r) => ({ ...r, speedupVsScan: baseline.mean / r.mean })) });
	for (const v of versions) v.sqlite.close();
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
