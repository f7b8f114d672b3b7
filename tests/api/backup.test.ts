import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.dispose();
});

it('backs up the live database while the server keeps serving, and the copy restores', async () => {
	const writers = Array.from({ length: 5 }, () => new Client(server.url));
	for (const c of writers) await c.signup();
	const target = join(server.dataDir, 'backup.db');
	// Writes keep landing during the backup.
	const during = Promise.all(Array.from({ length: 5 }, () => new Client(server.url).signup()));
	execFileSync(process.execPath, ['scripts/backup.mjs', target], { env: { ...process.env, DATA_DIR: server.dataDir } });
	await during;
	const copy = new Database(target, { readonly: true });
	const users = (copy.prepare('select count(*) as n from users').get() as { n: number }).n;
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
});
