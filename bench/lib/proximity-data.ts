/**
 * The proximity benchmark's databases: `n` initiatives placed like France's
 * population, cached in the OS temp dir between runs because 1,000,000 rows
 * take minutes to generate on a shared 2-core machine.
 *
 * The cache key is the generator's source (this file and the demo data), so a
 * change there regenerates. A schema change does not: a cached database whose
 * applied migrations are a prefix of the current ones is copied and migrated
 * forward, which is also how a production database would get the change.
 * BENCH_FRESH=1 ignores the cache (a run that also measures insert time).
 * The full-text index is merged to one segment first, as the server's
 * background maintenance does after a burst of writes.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeTextIndex } from '../../sync-server/store/proximity-index/maintenance';
import { jitterAround, populationPicker, seededRandom, type PlaceRow } from '../../scripts/demo/places';
import { SEED_CATEGORIES, TEMPLATES } from '../../scripts/demo/texts';

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
const CACHE = join(tmpdir(), 'kohero-bench-proximity');
const GENERATOR_SOURCES = ['./proximity-data.ts', '../../scripts/demo/places.ts', '../../scripts/demo/texts.ts', '../../static/data/places-fr.json'];

export interface BenchDb {
	sqlite: Database.Database;
	path: string;
	/** Seconds spent inserting rows, or undefined when the database came from the cache. */
	insertSeconds?: number;
	/** Where the database came from: generated, cached as is, or cached and migrated forward. */
	origin: 'generated' | 'cached' | 'migrated';
}

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Hashes of the migration files in journal order, as drizzle records them in `__drizzle_migrations`. */
function migrationHashes(): string[] {
	const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
	return journal.entries.map((e) => sha(readFileSync(join(MIGRATIONS, `${e.tag}.sql`), 'utf8')));
}

function appliedHashes(path: string): string[] {
	const db = new Database(path, { readonly: true });
	try {
		return (db.prepare('SELECT hash FROM __drizzle_migrations ORDER BY created_at').pluck().all() as string[]);
	} finally {
		db.close();
	}
}

/** Opens (generating or migrating if needed) the benchmark database of `n` initiatives. */
export function benchDatabase(n: number, places: PlaceRow[]): BenchDb {
	mkdirSync(CACHE, { recursive: true });
	const generator = sha(GENERATOR_SOURCES.map((s) => readFileSync(fileURLToPath(new URL(s, import.meta.url)))).join('\0')).slice(0, 12);
	const current = migrationHashes();
	const schema = sha(current.join()).slice(0, 12);
	const path = join(CACHE, `${n}-${generator}-${schema}.db`);
	if (process.env.BENCH_FRESH !== '1' && existsSync(path)) return { sqlite: open(path), path, origin: 'cached' };

	const older = process.env.BENCH_FRESH === '1' ? undefined : readdirSync(CACHE)
		.filter((f) => f.startsWith(`${n}-${generator}-`) && f.endsWith('.db'))
		.map((f) => join(CACHE, f))
		.find((f) => appliedHashes(f).every((h, i) => h === current[i]));
	const building = `${path}.building`;
	rmSync(building, { force: true });
	let insertSeconds: number | undefined;
	if (older) {
		console.log(`  migrating a cached copy forward (${older})`);
		copyFileSync(older, building);
	} else {
		insertSeconds = generate(building, n, places);
	}
	const sqlite = open(building);
	migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS });
	// The state a running server converges to (sync-server/store/db.ts merges in the background).
	while (mergeTextIndex(sqlite, 2000));
	sqlite.exec('ANALYZE');
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.close();
	renameSync(building, path);
	return { sqlite: open(path), path, insertSeconds, origin: older ? 'migrated' : 'generated' };
}

function open(path: string): Database.Database {
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	return sqlite;
}

/** Inserts `n` rows through the real schema and triggers; returns the seconds it took. */
function generate(path: string, n: number, places: PlaceRow[]): number {
	const sqlite = open(path);
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
	const seconds = (performance.now() - started) / 1000;
	sqlite.close();
	return seconds;
}
