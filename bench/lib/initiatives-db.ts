/**
 * A DATA_DIR holding `n` initiatives placed like France's population (around
 * the gazetteer's towns, weighted by inhabitants), built with the real
 * migrations. Cached in the temp directory: building 1,000,000 rows takes a while.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlaceRows, populationPicker, seededRandom, type PlaceRow } from '../../scripts/demo/places';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MIGRATIONS = join(ROOT, 'drizzle');
const CATEGORIES = ['environment', 'food', 'energy', 'mobility', 'solidarity', 'culture', 'education', 'democracy', 'other'];
const TITLES = ['Jardin partagé', 'Composteur collectif', 'Repair café', 'Vélo-école', 'AMAP du quartier', 'Épicerie solidaire', 'Boîte à livres', 'Fresque du climat', 'Coopérative énergie'];

/** [name, postcodes, departement, lat, lng, population] */
export type Place = PlaceRow;
/** The gazetteer, read once. */
export const loadPlaces = loadPlaceRows;
export { populationPicker, seededRandom };

function migrationsStamp(): string {
	return readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort().join(',');
}

/** A data directory with `n` initiatives (built once, then reused while the migrations are unchanged). */
export function benchDataDir(n: number, log: (line: string) => void = console.log): string {
	const dir = join(tmpdir(), `kohero-bench-${n}`);
	const stampFile = join(dir, 'bench-stamp.txt');
	const stamp = `${n}:${migrationsStamp()}`;
	const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
	if (previous === stamp) return dir;
	if (previous.startsWith(`${n}:`)) {
		// Same rows, newer migrations: apply them here rather than at server start (they may rebuild indexes).
		log('  applying new migrations to the cached database');
		const sqlite = new Database(join(dir, 'kohero.db'));
		migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS });
		sqlite.exec('ANALYZE');
		sqlite.pragma('wal_checkpoint(TRUNCATE)');
		sqlite.close();
		writeFileSync(stampFile, stamp);
		return dir;
	}
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const sqlite = new Database(join(dir, 'kohero.db'));
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS });
	sqlite
		.prepare("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES ('bench-owner', 'bench@exemple.fr', 'x', 'Bench', 0, 0)")
		.run();
	const insert = sqlite.prepare(
		`INSERT INTO initiatives (id, owner_id, title, summary, category, lat, lng, place_name, created_at, updated_at, last_activity_at)
		 VALUES (?, 'bench-owner', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const random = seededRandom(n);
	const pick = populationPicker(loadPlaces(), random);
	const started = performance.now();
	const batch = sqlite.transaction((from: number, to: number) => {
		for (let k = from; k < to; k++) {
			const place = pick();
			const title = `${TITLES[Math.floor(random() * TITLES.length)]} de ${place[0]}`;
			// Within ~3 km of the town centre.
			const lat = place[3] + (random() - 0.5) * 0.05;
			const lng = place[4] + (random() - 0.5) * 0.07;
			const at = 1_700_000_000_000 + k;
			insert.run(`bench-${k.toString(36).padStart(8, '0')}`, title, `Initiative ${k} à ${place[0]}.`, CATEGORIES[k % CATEGORIES.length], lat, lng, place[0], at, at, at);
		}
	});
	for (let from = 0; from < n; from += 50_000) {
		batch(from, Math.min(n, from + 50_000));
		log(`  generated ${Math.min(n, from + 50_000).toLocaleString('en')} / ${n.toLocaleString('en')} initiatives`);
	}
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.exec('ANALYZE');
	sqlite.close();
	writeFileSync(stampFile, stamp);
	log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s → ${dir}`);
	return dir;
}
