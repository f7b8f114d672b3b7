import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore, openStore } from '$store/db';
import { runReportRetention } from './report-retention';

const DAY = 86_400_000;
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'kohero-retention-'));
	openStore(dir);
});
afterAll(() => {
	closeStore();
	rmSync(dir, { recursive: true, force: true });
});

describe('report retention', () => {
	it('purges closed reports older than 12 months, keeps open and recent ones, and records the run', () => {
		const { sqlite } = openStore(dir);
		const now = Date.now();
		sqlite.prepare("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES ('reporter-0001', 'r@exemple.fr', 'x', 'R', ?, ?)").run(now, now);
		const insert = sqlite.prepare(
			"INSERT INTO reports (id, reporter_id, target_type, target_id, reason, status, created_at, closed_at) VALUES (?, 'reporter-0001', 'user', ?, 'spam', ?, ?, ?)"
		);
		insert.run('old-closed', 'target-0001', 'closed', now - 400 * DAY, now - 370 * DAY);
		insert.run('recent-closed', 'target-0002', 'closed', now - 100 * DAY, now - 90 * DAY);
		insert.run('old-open', 'target-0003', 'open', now - 400 * DAY, null);
		expect(runReportRetention(now)).toBe(1);
		const left = (sqlite.prepare('SELECT id FROM reports ORDER BY id').all() as { id: string }[]).map((r) => r.id);
		expect(left).toEqual(['old-open', 'recent-closed']);
		expect(sqlite.prepare("SELECT last_run_at AS at, affected FROM moderation_job_runs WHERE job = 'report_retention'").get()).toEqual({ at: now, affected: 1 });
	});
});
