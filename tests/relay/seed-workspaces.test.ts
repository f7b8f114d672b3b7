/**
 * `npm run seed` writes the demo workspaces through the relay's document store:
 * a demo member opening one over /sync gets notes with paragraphs, tasks half
 * done, a discussion between members and ideas with votes; founders' initiatives
 * sit near their own home; past and upcoming meetings, which visitors find nearby.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readIdeas, readMessages, readTasks, notesOf } from '../../src/lib/domain/workspace';
import { Client } from '../helpers/client';
import { startServer, tempDataDir, type TestServer } from '../helpers/server';
import { connectClient, synced, withDb } from './helpers';

const ROOT = new URL('../..', import.meta.url).pathname;
let server: TestServer | undefined;
afterAll(async () => server?.dispose());

describe('demo seed', () => {
	it('fills the demo workspaces with real Yjs content that opens over /sync', async () => {
		const dataDir = tempDataDir();
		await promisify(execFile)(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/seed.ts'], {
			cwd: ROOT,
			env: { ...process.env, DATA_DIR: dataDir, SEED_INITIATIVES: '40', SEED_PEOPLE: '30' },
			timeout: 120_000
		});
		const busiest = withDb(dataDir, (sqlite) =>
			sqlite
				.prepare(
					`SELECT i.id AS id, u.email AS email, u.home_lat AS homeLat, u.home_lng AS homeLng, i.lat AS lat, i.lng AS lng
					 FROM initiatives i JOIN users u ON u.id = i.owner_id ORDER BY i.member_count DESC, i.id LIMIT 1`
				)
				.get() as { id: string; email: string; homeLat: number | null; homeLng: number | null; lat: number; lng: number }
		);
		// Founders' initiatives near their own home (when they set one).
		const far = withDb(dataDir, (sqlite) =>
			sqlite
				.prepare(
					`SELECT count(*) AS n FROM initiatives i JOIN users u ON u.id = i.owner_id
					 WHERE u.home_lat IS NOT NULL AND (abs(u.home_lat - i.lat) > 0.3 OR abs(u.home_lng - i.lng) > 0.4)`
				)
				.get() as { n: number }
		).n;
		expect(far).toBe(0);
		// A few past and upcoming meetings.
		const now = Date.now();
		const meetings = withDb(dataDir, (sqlite) =>
			sqlite.prepare('SELECT id, starts_at AS startsAt, lat, lng FROM meetings ORDER BY starts_at').all() as { id: string; startsAt: number; lat: number; lng: number }[]
		);
		expect(meetings.some((m) => m.startsAt < now)).toBe(true);
		const soon = meetings.find((m) => m.startsAt > now && m.startsAt < now + 30 * 86_400_000);
		expect(soon).toBeDefined();

		server = await startServer({ dataDir });
		// A visitor around the next one sees it.
		const near = await new Client(server.url).get(`/api/meetings/near?lat=${soon!.lat}&lng=${soon!.lng}&radiusKm=5`);
		expect(near.body.items.map((m: { id: string }) => m.id)).toContain(soon!.id);
		const owner = new Client(server.url);
		expect((await owner.post('/api/auth/login', { email: busiest.email, password: 'kohero-demo-2025' })).status).toBe(200);
		const client = connectClient(server.wsUrl, busiest.id, owner.cookie);
		await synced(client);
		const notes = notesOf(client.doc).toArray();
		expect(notes.length).toBeGreaterThanOrEqual(3);
		expect(notes.filter((n) => 'nodeName' in n && n.nodeName === 'paragraph').length).toBeGreaterThanOrEqual(2);
		const tasks = readTasks(client.doc);
		const done = tasks.filter((t) => t.done).length;
		expect(done).toBeGreaterThan(0);
		expect(done).toBeLessThan(tasks.length);
		const messages = readMessages(client.doc);
		expect(messages.length).toBeGreaterThanOrEqual(3);
		expect(new Set(messages.map((m) => m.authorId)).size).toBeGreaterThan(1);
		const ideas = readIdeas(client.doc, 'nobody');
		expect(ideas.length).toBe(3);
		expect(ideas.some((i) => i.votes > 0)).toBe(true);
		client.destroy();
	});
});
