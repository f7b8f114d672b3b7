// `npm run backup -- FILE`: a consistent online copy of the SQLite database
// while the server runs. VACUUM INTO copies one read snapshot (WAL lets the
// server keep writing meanwhile). Not the incremental backup API: it restarts
// whenever another process writes between its steps, so under steady writes it
// never finishes (tests/api/backup.test.ts runs it against a busy server).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const target = process.argv[2];
if (!target) {
	console.error('Usage: npm run backup -- /path/to/backup.db');
	process.exit(2);
}
const source = join(resolve(process.env.DATA_DIR || './data'), 'kohero.db');
if (!existsSync(source)) {
	console.error(`No database at ${source} (set DATA_DIR).`);
	process.exit(1);
}
if (existsSync(target)) {
	console.error(`${target} exists already; choose a new file name.`);
	process.exit(1);
}
const db = new Database(source, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const started = Date.now();
db.prepare('VACUUM INTO ?').run(target);
db.close();
const check = new Database(target, { readonly: true });
const integrity = check.pragma('integrity_check', { simple: true });
check.close();
if (integrity !== 'ok') {
	console.error(`Backup written but integrity_check says: ${integrity}`);
	process.exit(1);
}
console.log(`Backup of ${source} written to ${target} in ${Date.now() - started} ms (integrity ok).`);
