/**
 * The proximity index as it was at a git ref (BENCH_BEFORE), so `npm run bench:proximity`
 * can time it against the current code in the same run, on the same database, query by
 * query in alternation. Its files are copied into bench/.before/<sha>/ (ignored by git)
 * and imported from there; the `$lib` imports resolve as in the project.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { findNear } from '../../sync-server/store/proximity-index';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INDEX_DIR = 'sync-server/store/proximity-index';

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

/** `findNear` of the proximity index at `ref`, and the commit it names. */
export async function proximityAt(ref: string): Promise<{ findNear: typeof findNear; commit: string }> {
	const commit = git('rev-parse', '--short', `${ref}^{commit}`).trim();
	const dir = join(ROOT, 'bench', '.before', commit, 'proximity-index');
	mkdirSync(dir, { recursive: true });
	for (const file of git('ls-tree', '--name-only', `${commit}:${INDEX_DIR}`).split('\n')) {
		if (file.endsWith('.ts') && !file.endsWith('.spec.ts')) writeFileSync(join(dir, file), git('show', `${commit}:${INDEX_DIR}/${file}`));
	}
	const module = (await import(pathToFileURL(join(dir, 'index.ts')).href)) as { findNear: typeof findNear };
	return { findNear: module.findNear, commit };
}
