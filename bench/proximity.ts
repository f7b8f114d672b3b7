/**
 * `npm run bench:proximity`: the proximity index at 100,000 and 1,000,000
 * initiatives spread like France's population, against a full-table
 * haversine scan in the same run. Prints figures; never a pass/fail test.
 * BENCH_SIZES=100000 limits the sizes, BENCH_QUERIES the queries per set.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DISTANCE_FUNCTION, findNear, ftsQueryFromText, registerGeoFunctions, type ProximityQuery } from '../sync-server/store/proximity-index';
import { jitterAround, loadPlaceRows, populationPicker, seededRandom } from '../scripts/demo/places';
import { SEED_CATEGORIES, TEMPLATES } from '../scripts/demo/texts';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const SCAN_QUERIES = Number(process.env.BENCH_SCAN_QUERIES ?? 20);
const RADIUS_KM = 10;
const LIMIT = 20;
const WORDS = ['jardin', 'compost', 'velo', 'repair', 'ecole', 'amap', 'solidaire', 'climat', 'energie', 'livres'];
const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));

const places = loadPlaceRows();

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A fresh database with the real migrations and `n` initiatives placed like the population. */
function build(dir: string, n: number): { sqlite: Database.Database; insertMs: number } {
	const sqlite = new Database(join(dir, 'kohero.db'));
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS });
	sqlite.prepare("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES ('bench', 'b@x.fr', 'x', 'Bench', 0, 0)").run();
	const insert = sqlite.prepare(
		`INSERT INTO initiatives (id, owner_id, title, summary, category, lat, lng, place_name, created_at, updated_at, last_activity_at)
		 VALUES (?, 'bench', ?, ?, ?, ?, ?, ?, 0, 0, 0)`
	);
	const random = seededRandom(n);
	const pick = populationPicker(places, random);
	const started = performance.now();
	const batch = sqlite.transaction((from: number, to: number) => {
		for (let k = from; k < to; k++) {
			const place = pick();
			const category = SEED_CATEGORIES[Math.floor(random() * SEED_CATEGORIES.length)];
			const templates = TEMPLATES[category];
			const [title, summary] = templates[Math.floor(random() * templates.length)].map((t) => t.replaceAll('{lieu}', place[0]));
			const { lat, lng } = jitterAround(place, random);
			insert.run(`bench-${k.toString(36).padStart(8, '0')}`, title, summary, category, lat, lng, place[0]);
		}
	});
	for (let from = 0; from < n; from += 50_000) {
		batch(from, Math.min(n, from + 50_000));
		process.stdout.write(`\r  ${Math.min(n, from + 50_000).toLocaleString('en')} / ${n.toLocaleString('en')} rows`);
	}
	process.stdout.write('\n');
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.exec('ANALYZE');
	return { sqlite, insertMs: performance.now() - started };
}

interface Timing {
	p50: number;
	p99: number;
	mean: number;
	avgHits: number;
}

function time(sqlite: Database.Database, queries: ProximityQuery[]): Timing {
	const ms: number[] = [];
	let hits = 0;
	for (const q of queries) {
		const t = process.hrtime.bigint();
		hits += findNear(sqlite, q).hits.length;
		ms.push(Number(process.hrtime.bigint() - t) / 1e6);
	}
	ms.sort((a, b) => a - b);
	return { p50: percentile(ms, 50), p99: percentile(ms, 99), mean: ms.reduce((a, b) => a + b, 0) / ms.length, avgHits: hits / queries.length };
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
const root = mkdtempSync(join(tmpdir(), 'kohero-bench-'));
console.log(`Proximity benchmark — radius ${RADIUS_KM} km, limit ${LIMIT}, ${QUERIES} queries per set, ${cpus().length} CPU(s), Node ${process.version}`);
try {
	for (const n of SIZES) {
		const dir = join(root, String(n));
		mkdirSync(dir);
		console.log(`\n${n.toLocaleString('en')} initiatives`);
		const { sqlite, insertMs } = build(dir, n);
		registerGeoFunctions(sqlite);
		const random = seededRandom(7);
		const weighted = populationPicker(places, random);
		const town = () => places[Math.floor(random() * places.length)];
		const at = (row: (typeof places)[number], match?: string): ProximityQuery => ({ lat: row[3], lng: row[4], radiusKm: RADIUS_KM, limit: LIMIT, match });
		const word = () => ftsQueryFromText(WORDS[Math.floor(random() * WORDS.length)]);
		const sets: Record<string, ProximityQuery[]> = {
			'random towns': Array.from({ length: QUERIES }, () => at(town())),
			'random towns + text': Array.from({ length: QUERIES }, () => at(town(), word())),
			'weighted by population': Array.from({ length: QUERIES }, () => at(weighted())),
			'weighted + text': Array.from({ length: QUERIES }, () => at(weighted(), word()))
		};
		time(sqlite, sets['random towns'].slice(0, 200)); // warm the page cache
		const baseline = scan(sqlite, sets['random towns'].slice(0, SCAN_QUERIES));
		const size = statSync(join(dir, 'kohero.db')).size;
		const rows: (Timing & { set: string; speedupVsScan: number })[] = [];
		for (const [name, queries] of Object.entries(sets)) {
			const t = time(sqlite, queries);
			rows.push({ set: name, ...t, speedupVsScan: baseline.mean / t.mean });
		}
		console.log(`  insert ${(insertMs / 1000).toFixed(1)} s, DB ${(size / 1e6).toFixed(1)} MB, full scan mean ${baseline.mean.toFixed(1)} ms (${SCAN_QUERIES} queries, ${baseline.mismatches} mismatches with the index)`);
		console.log('  set                       p50 ms   p99 ms  mean ms  hits  ×scan');
		for (const r of rows) {
			console.log(
				`  ${r.set.padEnd(24)} ${r.p50.toFixed(3).padStart(7)} ${r.p99.toFixed(3).padStart(8)} ${r.mean.toFixed(3).padStart(8)} ${r.avgHits.toFixed(1).padStart(5)} ${Math.round(r.speedupVsScan).toString().padStart(6)}`
			);
		}
		results.push({ initiatives: n, insertSeconds: insertMs / 1000, dbBytes: size, scan: { queries: SCAN_QUERIES, ...baseline }, sets: rows });
		sqlite.close();
		rmSync(dir, { recursive: true, force: true });
	}
} finally {
	rmSync(root, { recursive: true, force: true });
}
const out = fileURLToPath(new URL('./results/proximity.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('./results', import.meta.url)), { recursive: true });
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, node: process.version, radiusKm: RADIUS_KM, limit: LIMIT, queriesPerSet: QUERIES, results }, null, 2) + '\n');
console.log(`\nFigures written to ${out}`);
