/**
 * The meetings case of `npm run bench:proximity`: `n` meetings placed like
 * France's population over the year around "now" (a tenth cancelled or without
 * a place), in a database built with the real migrations, and
 * `GET /api/meetings/near`'s query (10 km, 30 days, limit 20) timed against a
 * full-table scan that also checks the answers.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findMeetingsNear, type MeetingNearQuery } from '../../sync-server/store/meeting-proximity';
import { DISTANCE_FUNCTION, registerGeoFunctions } from '../../sync-server/store/proximity-index';
import { loadPlaceRows, populationPicker, seededRandom } from '../../scripts/demo/places';
import { percentile } from './spread';

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
const DAY = 86_400_000;
/** A fixed "now" so the cached database and the queries agree across runs. */
const NOW = Date.UTC(2026, 5, 1, 12);

function build(n: number, log: (line: string) => void): { sqlite: Database.Database; path: string; insertSeconds?: number } {
	const dir = join(tmpdir(), `kohero-bench-meetings-${n}`);
	const path = join(dir, 'kohero.db');
	const stamp = `${n}:${readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort().join(',')}`;
	const stampFile = join(dir, 'bench-stamp.txt');
	if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { sqlite: new Database(path), path };
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS });
	sqlite.prepare("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES ('bench-owner', 'bench@exemple.fr', 'x', 'Bench', 0, 0)").run();
	sqlite.prepare("INSERT INTO initiatives (id, owner_id, title, category, lat, lng, created_at, updated_at, last_activity_at) VALUES ('bench-initiative', 'bench-owner', 'Bench', 'other', 46, 2, 0, 0, 0)").run();
	const insert = sqlite.prepare(
		`INSERT INTO meetings (id, initiative_id, created_by, title, local_start, local_end, starts_at, ends_at, place_name, lat, lng, status, created_at, updated_at)
		 VALUES (?, 'bench-initiative', 'bench-owner', 'Réunion', '2026-06-01T19:00:00', '2026-06-01T21:00:00', ?, ?, ?, ?, ?, ?, 0, 0)`
	);
	const random = seededRandom(n + 1);
	const pick = populationPicker(loadPlaceRows(), random);
	const started = performance.now();
	const batch = sqlite.transaction((from: number, to: number) => {
		for (let k = from; k < to; k++) {
			const place = pick();
			// Half a year back to half a year ahead, at a whole quarter hour.
			const start = NOW + Math.round(((random() - 0.5) * 365 * DAY) / 900_000) * 900_000;
			const placeless = k % 20 === 0;
			insert.run(
				`meeting-${k.toString(36).padStart(8, '0')}`,
				start,
				start + 2 * 3_600_000,
				place[0],
				placeless ? null : place[3] + (random() - 0.5) * 0.05,
				placeless ? null : place[4] + (random() - 0.5) * 0.07,
				k % 20 === 1 ? 'cancelled' : 'confirmed'
			);
		}
	});
	for (let from = 0; from < n; from += 50_000) {
		batch(from, Math.min(n, from + 50_000));
		log(`  generated ${Math.min(n, from + 50_000).toLocaleString('en')} / ${n.toLocaleString('en')} meetings`);
	}
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.exec('ANALYZE');
	writeFileSync(stampFile, stamp);
	return { sqlite, path, insertSeconds: (performance.now() - started) / 1000 };
}


/** Runs the meetings case for `n` meetings; prints and returns its figures. */
export function meetingsCase(n: number, queries: number, scanQueries: number) {
	console.log(`\n${n.toLocaleString('en')} meetings (near: 10 km, next 30 days, limit 20)`);
	const { sqlite, path, insertSeconds } = build(n, console.log);
	registerGeoFunctions(sqlite);
	const places = loadPlaceRows();
	const random = seededRandom(3);
	const weighted = populationPicker(places, random);
	const town = () => places[Math.floor(random() * places.length)];
	const query = (row: (typeof places)[number]): MeetingNearQuery => ({ lat: row[3], lng: row[4], radiusKm: 10, from: NOW, to: NOW + 30 * DAY, limit: 20 });
	const scan = sqlite.prepare(
		`SELECT id, ${DISTANCE_FUNCTION}(?, ?, lat, lng) AS d FROM meetings WHERE lat IS NOT NULL AND status = 'confirmed' AND hidden = 0
		 AND ends_at > ? AND starts_at <= ? AND d <= ? ORDER BY starts_at, id LIMIT ?`
	);
	for (let k = 0; k < 200; k++) findMeetingsNear(sqlite, query(town()));
	const sets: Record<string, MeetingNearQuery[]> = {
		'random towns': Array.from({ length: queries }, () => query(town())),
		'weighted by population': Array.from({ length: queries }, () => query(weighted()))
	};
	let scanMs = 0;
	let mismatches = 0;
	for (const q of sets['random towns'].slice(0, scanQueries).concat(sets['weighted by population'].slice(0, scanQueries))) {
		const t = performance.now();
		const rows = scan.all(q.lat, q.lng, q.from, q.to, q.radiusKm, q.limit) as { id: string }[];
		scanMs += performance.now() - t;
		if (rows.map((r) => r.id).join() !== findMeetingsNear(sqlite, q).map((h) => h.id).join()) mismatches++;
	}
	const scanMean = scanMs / (2 * scanQueries);
	const rows = Object.entries(sets).map(([set, qs]) => {
		const ms: number[] = [];
		let hits = 0;
		for (const q of qs) {
			const t = performance.now();
			hits += findMeetingsNear(sqlite, q).length;
			ms.push(performance.now() - t);
		}
		ms.sort((a, b) => a - b);
		const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
		return { set, p50: percentile(ms, 50), p99: percentile(ms, 99), mean, avgHits: hits / qs.length, speedupVsScan: scanMean / mean };
	});
	const size = statSync(path).size;
	console.log(`  ${insertSeconds === undefined ? 'cached DB' : `insert ${insertSeconds.toFixed(1)} s`}, DB ${(size / 1e6).toFixed(1)} MB, full scan mean ${scanMean.toFixed(1)} ms (${2 * scanQueries} queries, ${mismatches} mismatches with the index)`);
	console.log('  set                       p50 ms   p99 ms  mean ms  hits  ×scan');
	for (const r of rows) {
		console.log(`  ${r.set.padEnd(24)} ${r.p50.toFixed(3).padStart(7)} ${r.p99.toFixed(3).padStart(8)} ${r.mean.toFixed(3).padStart(8)} ${r.avgHits.toFixed(1).padStart(5)} ${Math.round(r.speedupVsScan).toString().padStart(6)}`);
	}
	sqlite.close();
	return { meetings: n, insertSeconds, dbBytes: size, scan: { queries: 2 * scanQueries, mean: scanMean, mismatches }, sets: rows };
}
