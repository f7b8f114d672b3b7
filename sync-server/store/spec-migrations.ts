/** For specs of a migration: a copy of the migrations folder as it was before a given one (then `migrated()` applies the rest). */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's drizzle/ folder. */
const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** A copy of the migrations in `dir`, its journal cut before migration `idx`: the database as it was before it. */
export function migrationsBefore(idx: number, dir: string): string {
	const folder = join(dir, 'drizzle');
	cpSync(MIGRATIONS, folder, { recursive: true });
	const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number }[] };
	journal.entries = journal.entries.filter((entry) => entry.idx < idx);
	writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
	return folder;
}
