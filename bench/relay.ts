/**
 * Relay benchmark (`npm run bench:relay`): the same workload against the
 * reference @y/websocket-server 0.1.1 (in memory, no auth) and against
 * Kohero's relay (real build/server.js: authenticated, persisting every
 * update before relaying it), then many idle authenticated connections.
 * Prints a table and writes bench/results/relay.json. Run `npm run build` first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { closeIdle, openIdle, type IdleResult } from './lib/idle';
import { cpuSeconds, rssMiB, startOurs, startReference } from './lib/servers';
import { runWorkload, type WorkloadResult } from './lib/workload';

const DOCS = Number(process.env.BENCH_DOCS ?? 50);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 25);
const IDLE = Number(process.env.BENCH_IDLE ?? 10_000);
const IDLE_DOCS = 100;

function benchDocIds(count: number): string[] {
	return Array.from({ length: count }, (_, i) => `bench-doc-${String(i).padStart(4, '0')}`);
}

async function idleRun(wsUrl: string, pid: number, docIds: string[], cookie?: string): Promise<IdleResult> {
	const baselineRssMiB = rssMiB(pid);
	const { sockets, error } = await openIdle(wsUrl, docIds, IDLE, cookie);
	// Let the server settle (GC of the upgrade garbage) before reading its memory.
	await new Promise((r) => setTimeout(r, 2000));
	const result: IdleResult = { requested: IDLE, opened: sockets.length, baselineRssMiB, rssMiB: rssMiB(pid), error };
	await closeIdle(sockets);
	return result;
}

// 200 providers each add a process 'exit' listener in Node.
process.setMaxListeners(0);
const workload = { docs: DOCS, clientsPerDoc: CLIENTS, updatesPerClient: UPDATES };
console.log(`workload: ${DOCS} docs × ${CLIENTS} clients × ${UPDATES} updates; idle: ${IDLE} connections`);

/** Runs a workload and adds the server's CPU time during it. */
async function measured(pid: number, run: () => Promise<WorkloadResult>): Promise<WorkloadResult & { serverCpuSeconds: number }> {
	const before = cpuSeconds(pid);
	const result = await run();
	return { ...result, serverCpuSeconds: Math.round((cpuSeconds(pid) - before) * 100) / 100 };
}

const reference = await startReference();
// Light load first: one document, two clients, one edit at a time: propagation latency without queueing.
const refLight = await measured(reference.pid, () =>
	runWorkload({ wsUrl: reference.wsUrl, docIds: ['bench-light-0001'], clientsPerDoc: 2, updatesPerClient: 200 })
);
const refRun = await measured(reference.pid, () => runWorkload({
	wsUrl: reference.wsUrl,
	docIds: benchDocIds(DOCS),
	clientsPerDoc: CLIENTS,
	updatesPerClient: UPDATES
}));
console.log('reference workload done');
const refIdle = await idleRun(reference.wsUrl, reference.pid, benchDocIds(IDLE_DOCS));
await reference.stop();

const ours = await startOurs(CLIENTS);
const cookies = ours.members.map((m) => m.cookie);
const ourLight = await measured(ours.pid, () =>
	runWorkload({ wsUrl: ours.wsUrl, docIds: ours.createDocs(1), clientsPerDoc: 2, updatesPerClient: 200, cookies })
);
const ourRun = await measured(ours.pid, () => runWorkload({
	wsUrl: ours.wsUrl,
	docIds: ours.createDocs(DOCS),
	clientsPerDoc: CLIENTS,
	updatesPerClient: UPDATES,
	cookies
}));
console.log('kohero workload done');
const ourIdle = await idleRun(ours.wsUrl, ours.pid, ours.createDocs(IDLE_DOCS), ours.members[0].cookie);
// Documents unload once their sockets are gone: memory should come back down.
await new Promise((r) => setTimeout(r, 2000));
const ourRssAfterIdle = rssMiB(ours.pid);
await ours.stop();

const results = {
	date: new Date().toISOString(),
	machine: 'shared, 2 cores; clients run in the benchmark process',
	workload,
	throughput: { reference: refRun, kohero: ourRun },
	lightLoad: { reference: refLight, kohero: ourLight },
	idle: { reference: refIdle, kohero: { ...ourIdle, rssAfterCloseMiB: ourRssAfterIdle } }
};
mkdirSync(new URL('./results', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/relay.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');

console.table({
	'updates/s': { reference: refRun.updatesPerSecond, kohero: ourRun.updatesPerSecond },
	'p50 ms': { reference: refRun.p50, kohero: ourRun.p50 },
	'p99 ms': { reference: refRun.p99, kohero: ourRun.p99 },
	'max ms': { reference: refRun.max, kohero: ourRun.max },
	'server CPU s': { reference: refRun.serverCpuSeconds, kohero: ourRun.serverCpuSeconds },
	'light load p50 ms': { reference: refLight.p50, kohero: ourLight.p50 },
	'light load p99 ms': { reference: refLight.p99, kohero: ourLight.p99 },
	[`idle conns opened (of ${IDLE})`]: { reference: refIdle.opened, kohero: ourIdle.opened },
	'RSS before idle, MiB': { reference: refIdle.baselineRssMiB, kohero: ourIdle.baselineRssMiB },
	'RSS with idle conns, MiB': { reference: refIdle.rssMiB, kohero: ourIdle.rssMiB }
});
console.log(`kohero RSS after the idle sockets closed: ${ourRssAfterIdle} MiB`);
if (refIdle.error || ourIdle.error) console.log('idle errors:', { reference: refIdle.error, kohero: ourIdle.error });
console.log('written to bench/results/relay.json');
