import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';
import { withDb } from '../relay/helpers';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.dispose();
});

/** Runs `npm run backup` as its own process, without blocking this one; resolves with its output once it exits. */
function backupProcess(target: string): Promise<{ stdout: string; exitedAt: number }> {
	return new Promise((resolve, reject) => {
		execFile(process.execPath, ['scripts/backup.mjs', target], { env: { ...process.env, DATA_DIR: server.dataDir } }, (err, stdout) => {
			if (err) reject(err);
			else resolve({ stdout, exitedAt: Date.now() });
		});
	});
}

it('backs up the live database while the server keeps serving, and the copy restores', async () => {
	const writers = Array.from({ length: 5 }, () => new Client(server.url));
	for (const c of writers) await c.signup();
	// Ballast, so the copy takes long enough for writes to land while it runs.
	withDb(server.dataDir, (sqlite) => {
		sqlite.exec('CREATE TABLE test_ballast (b BLOB)');
		const add = sqlite.prepare('INSERT INTO test_ballast VALUES (randomblob(1048576))');
		for (let i = 0; i < 32; i++) add.run();
	});
	const target = join(server.dataDir, 'backup.db');
	const backup = backupProcess(target);
	let running = true;
	void backup.finally(() => (running = false));
	// Writes keep landing during the backup: profile edits and sign-ups, each timed.
	const landed: number[] = [];
	const writing = (async () => {
		for (let i = 0; running; i++) {
			const res = await writers[i % writers.length].patch('/api/me', { bio: `écrit pendant la sauvegarde ${i}` });
			expect(res.status).toBe(200);
			landed.push(Date.now());
		}
	})();
	const signups = Promise.all(Array.from({ length: 5 }, () => new Client(server.url).signup()));
	const { stdout, exitedAt } = await backup;
	await Promise.all([writing, signups]);

	// The script reports how long the copy itself took: writes must have landed inside that window.
	const copyMs = Number(/in (\d+) ms/.exec(stdout)?.[1]);
	expect(stdout).toContain('integrity ok');
	const during = landed.filter((t) => t >= exitedAt - copyMs && t <= exitedAt).length;
	expect(during, `writes answered during the ${copyMs} ms copy`).toBeGreaterThan(0);

	const copy = new Database(target, { readonly: true });
	const users = (copy.prepare('select count(*) as n from users').get() as { n: number }).n;
	expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
	copy.close();
	expect(users).toBeGreaterThanOrEqual(5);
	expect(users).toBeLessThanOrEqual(10);

	// Restore: a server started on a data dir holding the copy serves the same accounts.
	const restoredDir = join(server.dataDir, 'restored');
	execFileSync('mkdir', ['-p', restoredDir]);
	execFileSync('cp', [target, join(restoredDir, 'kohero.db')]);
	const restored = await startServer({ dataDir: restoredDir });
	try {
		const again = new Client(restored.url);
		again.cookie = writers[0].cookie;
		expect((await again.get('/api/me')).status).toBe(200);
	} finally {
		await restored.stop();
	}
}, 120_000);
