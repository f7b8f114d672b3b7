/**
 * New-initiative matching as it was at a git ref (BENCH_BEFORE), so `npm run bench:notify`
 * can time it against the current code in the same process, on the same people, in
 * alternation. The ref's src/lib/server/notify/ is copied into bench/.before/<sha>/notify/
 * (ignored by git) and imported from there: its imports within that folder stay relative (to
 * the copy), the others (`$lib`, `$store`, `../events`, …) resolve to this tree. What its matcher reads but the current schema no
 * longer has (the alert R*Tree of drizzle/0010, dropped by 0012) is created from the ref's
 * own migration, without its triggers: the bench changes nobody once the people are in.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import type { alertNearby } from '../../src/lib/server/notify/on-events';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NOTIFY_DIR = 'src/lib/server/notify';
const ALERT_MIGRATION = 'drizzle/0010_notify_write_costs.sql';

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

/**
 * Who is alerted at a place, in the shape of its version: one item per person
 * (`{ userId, distanceKm }`, before drizzle/0012) or per distance (`{ distanceKm, userIds }`).
 */
export type Matcher = (lat: number, lng: number, actorId: string | null) => readonly ({ distanceKm: number } & ({ userId: string } | { userIds: string[] }))[];

/** `id@distance` for each person a matcher's answer alerts, whatever its shape. */
export const pairsOf = (answer: ReturnType<Matcher>): string[] =>
	answer.flatMap((item) => ('userIds' in item ? item.userIds : [item.userId]).map((id) => `${id}@${item.distanceKm}`));

/** How many people a matcher's answer alerts. */
export const countOf = (answer: ReturnType<Matcher>): number => answer.reduce((n, item) => n + ('userIds' in item ? item.userIds.length : 1), 0);

export interface NotifyBefore {
	peopleAlertedAt: Matcher;
	alertNearby: typeof alertNearby;
	commit: string;
}

/** The ref's matcher and alert writer; builds the ref's alert R*Tree in `sqlite` if it is missing. */
export async function notifyAt(ref: string, sqlite: Database.Database): Promise<NotifyBefore> {
	const commit = git('rev-parse', '--short', `${ref}^{commit}`).trim();
	const dir = join(ROOT, 'bench', '.before', commit, 'notify');
	for (const file of git('ls-tree', '-r', '--name-only', `${commit}:${NOTIFY_DIR}`).split('\n')) {
		if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
		mkdirSync(dirname(join(dir, file)), { recursive: true });
		const source = git('show', `${commit}:${NOTIFY_DIR}/${file}`).replace(/(from\s+')(\.\.?\/[^']+)'/g, (whole, head: string, path: string) => {
			const target = posix.join(posix.dirname(`${NOTIFY_DIR}/${file}`), path);
			return target.startsWith(`${NOTIFY_DIR}/`) || !target.startsWith('src/lib/') ? whole : `${head}$lib/${target.slice('src/lib/'.length)}'`;
		});
		writeFileSync(join(dir, file), source);
	}
	const hasAlertTree = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'people_alert_geo'").get() !== undefined;
	if (!hasAlertTree && git('show', `${commit}:${NOTIFY_DIR}/nearby.ts`).includes('people_alert_geo')) {
		const statements = git('show', `${commit}:${ALERT_MIGRATION}`)
			.split('--> statement-breakpoint')
			.map((s) => s.replace(/^\s*--.*$/gm, '').trim())
			.filter((s) => /^(CREATE VIEW `people_alert_box`|CREATE VIRTUAL TABLE `people_alert_geo`|INSERT INTO `people_alert_geo`)/.test(s));
		if (statements.length !== 3) throw new Error(`${ALERT_MIGRATION} at ${commit}: alert R*Tree statements not found`);
		for (const statement of statements) sqlite.exec(statement);
	}
	const nearby = (await import(pathToFileURL(join(dir, 'nearby.ts')).href)) as { peopleAlertedAt: Matcher };
	const onEvents = (await import(pathToFileURL(join(dir, 'on-events.ts')).href)) as { alertNearby: typeof alertNearby };
	return { peopleAlertedAt: nearby.peopleAlertedAt, alertNearby: onEvents.alertNearby, commit };
}
