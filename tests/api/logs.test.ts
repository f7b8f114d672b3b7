/** Structured logs: one JSON object per line, request and connection ids, no personal data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';
import { closeCodeOf, closed, rawSocket, waitFor } from '../relay/helpers';

let server: TestServer;

beforeAll(async () => {
	server = await startServer({ env: { KOHERO_LOG_REQUESTS: '1' } });
});
afterAll(async () => {
	await server?.dispose();
});

type Line = Record<string, unknown> & { event: string; level: string; time: string };

function lines(): Line[] {
	return server
		.output()
		.split('\n')
		.filter((l) => l.trim() !== '')
		.map((l) => {
			expect(() => JSON.parse(l), `not JSON: ${l.slice(0, 120)}`).not.toThrow();
			return JSON.parse(l) as Line;
		});
}

describe('logs', () => {
	it('carry request and connection ids and never an email, a home or a token', async () => {
		const client = new Client(server.url);
		const email = `camille.martin${Date.now()}@exemple.fr`;
		await client.signup({ email, displayName: 'Camille Martin' });
		await client.patch('/api/me', { home: { lat: 45.7612345, lng: 4.8398765 } });
		await new Client(server.url).post('/api/auth/login', { email, password: 'mauvais-mot-de-passe' });
		const traced = await client.request('GET', '/api/me', undefined, { 'x-request-id': 'trace-abc-123' });
		expect(traced.headers.get('x-request-id')).toBe('trace-abc-123');
		const created = await client.post('/api/initiatives', { title: 'Jardin', summary: '', category: 'food', lat: 45.76, lng: 4.83 });
		const docId = created.body.initiative.id as string;
		const ws = await rawSocket(server.wsUrl, docId, client.cookie);
		ws.send(Uint8Array.from([0xff, 0xff]));
		expect(await closed(ws)).toBe(1007);
		expect(await closeCodeOf(server.wsUrl, 'x'.repeat(5000), client.cookie)).toBe(4404);
		// The last lines this test needs: the 1007 socket's close and the 4404 refusal.
		await waitFor(() => /"event":"relay_close".*"code":1007/.test(server.output()) && /"event":"relay_refused".*"code":4404/.test(server.output()), 'relay log lines');

		const all = lines();
		for (const line of all) {
			expect(typeof line.time).toBe('string');
			expect(['info', 'warn', 'error']).toContain(line.level);
		}
		const request = all.find((l) => l.event === 'request' && l.requestId === 'trace-abc-123');
		expect(request).toMatchObject({ method: 'GET', path: '/api/me', status: 200 });
		expect(all.filter((l) => l.event === 'request').every((l) => typeof l.requestId === 'string')).toBe(true);

		const open = all.find((l) => l.event === 'relay_open' && l.docId === docId);
		expect(open?.connectionId).toMatch(/^[0-9a-f-]{36}$/);
		const malformed = all.find((l) => l.event === 'relay_malformed_message');
		expect(malformed?.connectionId).toBe(open?.connectionId);
		expect(all.find((l) => l.event === 'relay_close' && l.connectionId === open?.connectionId)?.code).toBe(1007);
		const refused = all.find((l) => l.event === 'relay_refused' && l.code === 4404);
		expect(String(refused?.docId).length).toBeLessThanOrEqual(64);

		const text = server.output();
		for (const secret of [email, 'camille.martin', '45.7612345', '4.8398765', client.cookie.split('=')[1], 'mauvais-mot-de-passe']) {
			expect(text).not.toContain(secret);
		}
	});
});
