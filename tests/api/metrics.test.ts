/** `GET /metrics`: valid Prometheus text, figures that follow real activity, no personal data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';
import { closed, connectClient, rawSocket, say, texts, waitFor, type SyncClient } from '../relay/helpers';

let server: TestServer;
const clients: SyncClient[] = [];

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.dispose();
});

interface Sample {
	name: string;
	labels: Record<string, string>;
	value: number;
}

/** Parses the text format strictly: every line is a HELP, a TYPE or a sample of a declared family. */
function parse(text: string): { types: Map<string, string>; samples: Sample[] } {
	const types = new Map<string, string>();
	const samples: Sample[] = [];
	expect(text.endsWith('\n')).toBe(true);
	for (const line of text.trimEnd().split('\n')) {
		const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|histogram)$/.exec(line);
		if (type) {
			expect(types.has(type[1]), `duplicate TYPE ${type[1]}`).toBe(false);
			types.set(type[1], type[2]);
			continue;
		}
		if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .+$/.test(line)) continue;
		const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="[^"\\\n]*",?)*\})? (-?[0-9.e+-]+|\+Inf|NaN)$/.exec(line);
		expect(m, `not a valid sample line: ${line}`).not.toBeNull();
		const name = m![1];
		const family = name.replace(/_(bucket|sum|count)$/, '');
		expect(types.has(name) || types.get(family) === 'histogram', `sample before its TYPE: ${name}`).toBe(true);
		const labels = Object.fromEntries([...(m![2] ?? '').matchAll(/([a-zA-Z_]+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
		samples.push({ name, labels, value: Number(m![3]) });
	}
	return { types, samples };
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
	const found = samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
	expect(found, `${name} ${JSON.stringify(labels)}`).toBeDefined();
	return found!.value;
}

describe('/metrics', () => {
	it('exposes relay and HTTP figures in Prometheus text format, without personal data', async () => {
		const alice = new Client(server.url);
		const bob = new Client(server.url);
		const a = await alice.signup({ displayName: 'Camille Martin' });
		await bob.signup();
		await alice.patch('/api/me', { home: { lat: 45.7612345, lng: 4.8398765 } });
		const created = await alice.post('/api/initiatives', { title: 'Jardin', summary: '', category: 'food', lat: 45.76, lng: 4.83 });
		const docId = created.body.initiative.id as string;
		await bob.post(`/api/initiatives/${docId}/join`);
		clients.push(connectClient(server.wsUrl, docId, alice.cookie), connectClient(server.wsUrl, docId, bob.cookie));
		await waitFor(() => clients.every((c) => c.provider.synced), 'synced');
		for (let i = 0; i < 5; i++) say(clients[0].doc, a.id, `message ${i}`);
		await waitFor(() => texts(clients[1].doc).length === 5, 'messages relayed');
		const bad = await rawSocket(server.wsUrl, docId, alice.cookie);
		bad.send(Uint8Array.from([0xff, 0xff]));
		expect(await closed(bad)).toBe(1007);

		// The server counts the socket closed once its side of the handshake ends, a moment after ours.
		let res = await fetch(`${server.url}/metrics`);
		for (let i = 0; i < 50 && !/kohero_relay_open_connections 2\n/.test(await res.clone().text()); i++) {
			await new Promise((r) => setTimeout(r, 20));
			res = await fetch(`${server.url}/metrics`);
		}
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		const text = await res.text();
		const { types, samples } = parse(text);

		expect(value(samples, 'kohero_relay_open_connections')).toBe(2);
		expect(value(samples, 'kohero_relay_loaded_docs')).toBe(1);
		expect(value(samples, 'kohero_relay_updates_persisted_total')).toBeGreaterThanOrEqual(5);
		expect(value(samples, 'kohero_relay_rejected_total', { reason: 'malformed' })).toBe(1);
		expect(types.get('kohero_relay_compactions_total')).toBe('counter');
		expect(types.get('kohero_relay_broadcast_merged_updates_total')).toBe('counter');
		expect(value(samples, 'kohero_relay_updates_per_second')).toBeGreaterThanOrEqual(0);
		expect(value(samples, 'kohero_http_requests_total', { method: 'POST', code: '201' })).toBeGreaterThanOrEqual(3);

		// Histogram: cumulative buckets ending in +Inf = count.
		expect(types.get('kohero_relay_persist_latency_seconds')).toBe('histogram');
		const buckets = samples.filter((s) => s.name === 'kohero_relay_persist_latency_seconds_bucket');
		for (let i = 1; i < buckets.length; i++) expect(buckets[i].value).toBeGreaterThanOrEqual(buckets[i - 1].value);
		expect(buckets.at(-1)!.labels.le).toBe('+Inf');
		expect(buckets.at(-1)!.value).toBe(value(samples, 'kohero_relay_persist_latency_seconds_count'));
		expect(value(samples, 'kohero_relay_persist_latency_seconds_count')).toBeGreaterThanOrEqual(5);

		for (const secret of [a.email, a.id, docId, 'Camille', '45.7612345', alice.cookie.split('=')[1]]) {
			expect(text).not.toContain(secret);
		}
		// A client cannot mint label values: unknown methods are folded into "other".
		await fetch(`${server.url}/healthz`, { method: 'BREW' }).catch(() => undefined);
		expect((await fetch(`${server.url}/metrics`).then((r) => r.text())).includes('BREW')).toBe(false);
		expect((await fetch(`${server.url}/metrics`, { method: 'POST' })).status).not.toBe(200);
		// Only for an operator on the host: not through a proxy.
		expect((await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(404);
	});
});
