/**
 * `npm run bench:relay-activity`: what the activity watcher costs the relay.
 * The same workloads run against build/server.js with the watcher off
 * (KOHERO_ACTIVITY_WATCHER=off, i.e. before) and on (after): (a) the relay
 * benchmark's shared workload (bench/lib/workload.ts), which touches no
 * watched array; (b) a discussion workload where every update adds a
 * message (so each update fans out activity to the document's members).
 * Prints server CPU per update and propagation p50/p99; writes
 * bench/results/relay-activity.json. Needs a build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { Client } from '../tests/helpers/client';
import { startServer, type TestServer } from '../tests/helpers/server';
import { connectClient, createInitiative, synced, waitFor, type Member, type SyncClient } from '../tests/relay/helpers';
import { treeCpuSeconds as cpuSeconds } from './lib/proc-cpu';
import { runWorkload } from './lib/provider-workload';
import { percentile } from './lib/spread';

const DOCS = Number(process.env.BENCH_DOCS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 25);
/** Members per initiative beyond the connected clients: each message is told to all of them. */
const EXTRA_MEMBERS = Number(process.env.BENCH_EXTRA_MEMBERS ?? 20);


async function start(watcher: 'on' | 'off'): Promise<{ server: TestServer; writers: Member[]; others: Member[] }> {
	const server = await startServer({ env: { KOHERO_ACTIVITY_WATCHER: watcher, KOHERO_DIGEST_JOB: 'off', SIGNUP_LIMIT_PER_HOUR: '100000' } });
	const signup = async () => {
		const client = new Client(server.url);
		const user = await client.signup({ displayName: 'Bench' });
		return { id: user.id, cookie: client.cookie };
	};
	const writers: Member[] = [];
	for (let i = 0; i < CLIENTS; i++) writers.push(await signup());
	const others: Member[] = [];
	for (let i = 0; i < EXTRA_MEMBERS; i++) others.push(await signup());
	return { server, writers, others };
}

/** Every client adds UPDATES messages, one at a time, each waiting until all peers saw it. */
async function discussion(server: TestServer, docIds: string[], writers: Member[]) {
	const rooms: SyncClient[][] = docIds.map((docId) => writers.map((w) => connectClient(server.wsUrl, docId, w.cookie)));
	await Promise.all(rooms.flat().map((c) => synced(c)));
	const latencies: number[] = [];
	const started = performance.now();
	await Promise.all(
		rooms.map(async (room) => {
			for (let n = 0; n < UPDATES; n++) {
				for (let w = 0; w < room.length; w++) {
					const sender = room[w];
					const sentAt = performance.now();
					const message = new Y.Map<unknown>();
					message.set('id', `${w}-${n}`);
					message.set('authorId', writers[w].id);
					message.set('text', `Message ${n} — on se retrouve au jardin samedi ?`);
					message.set('createdAt', new Date().toISOString());
					sender.doc.getArray('messages').push([message]);
					const expected = n * room.length + w + 1;
					await waitFor(() => room.every((c) => c.doc.getArray('messages').length >= expected), 'message seen', 60_000);
					latencies.push(performance.now() - sentAt);
				}
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	for (const c of rooms.flat()) c.destroy();
	const sorted = latencies.sort((a, b) => a - b);
	return { updates: latencies.length, seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function measure(watcher: 'on' | 'off') {
	const { server, writers, others } = await start(watcher);
	const pid = server.process.pid!;
	const docs = (n: number) => Array.from({ length: n }, () => createInitiative(server, writers[0], [...writers.slice(1), ...others]));
	let before = cpuSeconds(pid);
	const shared = await runWorkload({ wsUrl: server.wsUrl, docIds: docs(DOCS), clientsPerDoc: CLIENTS, updatesPerClient: UPDATES, cookies: writers.map((w) => w.cookie) });
	const sharedCpu = cpuSeconds(pid) - before;
	before = cpuSeconds(pid);
	const talk = await discussion(server, docs(DOCS), writers);
	// Let the deferred activity writes finish before reading the CPU.
	await new Promise((r) => setTimeout(r, 1000));
	const talkCpu = cpuSeconds(pid) - before;
	await server.dispose();
	const row = (r: { updates: number; p50: number; p99: number }, cpu: number) => ({
		updates: r.updates,
		cpuMsPerUpdate: Math.round((cpu * 1000 * 1000) / r.updates) / 1000,
		p50: Math.round(r.p50 * 100) / 100,
		p99: Math.round(r.p99 * 100) / 100
	});
	return { shared: row(shared, sharedCpu), discussion: row(talk, talkCpu) };
}

// Every provider adds a process 'exit' listener in Node.
process.setMaxListeners(0);
console.log(`relay activity bench: ${DOCS} docs × ${CLIENTS} clients × ${UPDATES} updates, ${CLIENTS + EXTRA_MEMBERS} members per initiative (${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)})`);
const off = await measure('off');
const on = await measure('on');
console.table({
	'shared workload, watcher off (before)': off.shared,
	'shared workload, watcher on (after)': on.shared,
	'messages workload, watcher off (before)': off.discussion,
	'messages workload, watcher on (after)': on.discussion
});
const out = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(`${out}relay-activity.json`, JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, load: loadavg()[0], off, on }, null, 2) + '\n');
process.exit(0);
