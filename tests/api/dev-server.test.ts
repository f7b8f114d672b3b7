/**
 * `npm run dev`: vite's own server carries what main.ts starts in production
 * (vite.config.ts): the sync relay on /sync, and notifications — activity
 * from domain events and from the documents, the VAPID keys, the digest job —
 * started once it listens and stopped when it closes. A real vite dev server
 * on a free port, a real relay client; nothing mocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tempDataDir, type TestServer } from '../helpers/server';
import { connectClient, say, synced } from '../relay/helpers';
import { activityOf, eventually, initiative, person } from './notify-fixtures';

const ROOT = new URL('../..', import.meta.url).pathname;

/** A port nobody listens on now (vite needs a number: it has no port 0). */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

let child: ChildProcess;
let output = '';
let server: TestServer;

/** Resolves once the dev server printed `pattern`. */
function printed(pattern: RegExp, timeoutMs = 90_000): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`never printed ${pattern}:\n${output}`)), timeoutMs);
		const check = () => {
			if (!pattern.test(output)) return;
			clearTimeout(timer);
			child.stdout!.off('data', check);
			resolve();
		};
		child.stdout!.on('data', check);
		check();
	});
}

beforeAll(async () => {
	const port = await freePort();
	const dataDir = tempDataDir();
	child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'dev', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
		cwd: ROOT,
		env: { ...process.env, DATA_DIR: dataDir, SIGNUP_LIMIT_PER_HOUR: '100000', KOHERO_DIGEST_JOB: 'on' },
		stdio: ['ignore', 'pipe', 'pipe'],
		// Its own process group: vite's helpers stop with it.
		detached: true
	});
	child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
	await printed(/"event":"notifications_started","digestJob":true/);
	server = { url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}`, port, dataDir } as TestServer;
}, 120_000);

afterAll(async () => {
	if (child?.exitCode === null) {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		process.kill(-child.pid!, 'SIGTERM');
		await exited;
	}
	if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

describe('npm run dev', () => {
	it('tells an owner of a newcomer and of a message synced through the dev server’s relay', async () => {
		expect(existsSync(join(server.dataDir, 'vapid.json'))).toBe(true);
		const owner = await person(server, 'Odile');
		const member = await person(server, 'Mia');
		const id = await initiative(owner);
		expect((await member.client.post(`/api/initiatives/${id}/join`)).status).toBe(200);

		const client = connectClient(server.wsUrl, id, member.client.cookie);
		await synced(client);
		say(client.doc, member.id, 'Bonjour depuis npm run dev');
		const items = await eventually(async () => {
			const list = await activityOf(owner);
			return list.length >= 2 ? list : null;
		});
		client.destroy();
		expect(items.map((i) => i.type)).toEqual(['message_posted', 'member_joined']);
		expect(items[0].excerpt).toBe('Bonjour depuis npm run dev');
	}, 120_000);

	it('stops notifications when the server closes', async () => {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		process.kill(-child.pid!, 'SIGTERM');
		await exited;
		expect(output).toContain('"event":"notifications_stopped"');
	}, 30_000);
});
