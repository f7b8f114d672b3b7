/**
 * Web Push against a loopback push endpoint (PUSH_ALLOW_HTTP=1): a person
 * with push on receives an aes128gcm message (decrypted here with the
 * subscription's keys) with TTL and a VAPID Authorization; a 410 removes the subscription.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createECDH, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
// @ts-expect-error http_ece (a dependency of web-push) has no types
import ece from 'http_ece';
import { startServer, type TestServer } from '../helpers/server';
import { withDb } from '../relay/helpers';
import { eventually, initiative, person } from './notify-fixtures';

interface Received {
	path: string;
	headers: IncomingMessage['headers'];
	body: Buffer;
}

let server: TestServer;
let pushService: Server;
let pushUrl = '';
const received: Received[] = [];

beforeAll(async () => {
	pushService = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
			res.statusCode = req.url?.startsWith('/gone') ? 410 : 201;
			res.end();
		});
	});
	await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve));
	pushUrl = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`;
	server = await startServer({ env: { PUSH_ALLOW_HTTP: '1', KOHERO_DIGEST_JOB: 'off' } });
});
afterAll(async () => {
	await server?.dispose();
	await new Promise((resolve) => pushService?.close(resolve));
});

const b64url = (b: Buffer) => b.toString('base64url');
function deviceKeys() {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16);
	return { ecdh, auth, json: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) } };
}
const subscriptionsOf = (userId: string) =>
	withDb(server.dataDir, (sqlite) => sqlite.prepare('SELECT endpoint FROM push_subscriptions WHERE user_id = ?').all(userId) as { endpoint: string }[]);

describe('Web Push', () => {
	it('publishes a VAPID key kept in DATA_DIR', async () => {
		const anyone = await person(server);
		const res = await anyone.client.get('/api/push/public-key');
		expect(res.status).toBe(200);
		expect(Buffer.from(res.body.key, 'base64url')).toHaveLength(65);
		const file = join(server.dataDir, 'vapid.json');
		expect(existsSync(file)).toBe(true);
		expect(JSON.parse(readFileSync(file, 'utf8')).publicKey).toBe(res.body.key);
	});

	it('sends an encrypted message with TTL and VAPID to each device; 410 deletes that device', async () => {
		const owner = await person(server);
		const member = await person(server);
		const id = await initiative(owner, 'Jardin des Pentes');
		await member.client.post(`/api/initiatives/${id}/join`);
		const device = deviceKeys();
		const good = { endpoint: `${pushUrl}/ok/${member.id}`, keys: device.json };
		const gone = { endpoint: `${pushUrl}/gone/${member.id}`, keys: deviceKeys().json };
		expect((await member.client.post('/api/push/subscriptions', good)).status).toBe(201);
		expect((await member.client.post('/api/push/subscriptions', gone)).status).toBe(201);
		expect((await member.client.patch('/api/me/notifications', { push: true })).body.push).toBe(true);

		await owner.client.post(`/api/initiatives/${id}/members/${member.id}/role`, { role: 'admin' });
		const message = await eventually(() => received.find((r) => r.path === `/ok/${member.id}`));
		expect(message.headers['content-encoding']).toBe('aes128gcm');
		expect(Number(message.headers.ttl)).toBeGreaterThan(0);
		const key = (await member.client.get('/api/push/public-key')).body.key;
		expect(message.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${key}$`));
		const clear = ece.decrypt(message.body, { version: 'aes128gcm', privateKey: device.ecdh, authSecret: b64url(device.auth) });
		const payload = JSON.parse(clear.toString('utf8'));
		expect(payload).toMatchObject({ title: 'Jardin des Pentes', url: `/initiatives/${id}` });
		expect(payload.body).toContain('administrateur·rice');

		await eventually(() => subscriptionsOf(member.id).length === 1);
		expect(subscriptionsOf(member.id)).toEqual([{ endpoint: good.endpoint }]);
	});

	it('sends nothing to people with push off, and validates subscriptions', async () => {
		const owner = await person(server);
		const member = await person(server);
		const id = await initiative(owner);
		await member.client.post(`/api/initiatives/${id}/join`);
		await member.client.post('/api/push/subscriptions', { endpoint: `${pushUrl}/off/${member.id}`, keys: deviceKeys().json });
		await owner.client.post(`/api/initiatives/${id}/members/${member.id}/role`, { role: 'admin' });
		// A later push to someone else arrives: the first one would have arrived before it.
		const other = await person(server);
		await other.client.post(`/api/initiatives/${id}/join`);
		await other.client.post('/api/push/subscriptions', { endpoint: `${pushUrl}/ok/${other.id}`, keys: deviceKeys().json });
		await other.client.patch('/api/me/notifications', { push: true });
		await owner.client.post(`/api/initiatives/${id}/members/${other.id}/role`, { role: 'admin' });
		await eventually(() => received.find((r) => r.path === `/ok/${other.id}`));
		expect(received.filter((r) => r.path === `/off/${member.id}`)).toHaveLength(0);

		for (const body of [{}, { endpoint: 'pas une url', keys: deviceKeys().json }, { endpoint: `${pushUrl}/x`, keys: { p256dh: '!!', auth: 'x' } }]) {
			const res = await member.client.post('/api/push/subscriptions', body);
			expect(res.status).toBe(400);
			expect(res.body.error.code).toBe('invalid_input');
		}
		expect((await member.client.request('DELETE', '/api/push/subscriptions', { endpoint: `${pushUrl}/off/${member.id}` })).status).toBe(204);
		expect(subscriptionsOf(member.id)).toEqual([]);
	});
});
