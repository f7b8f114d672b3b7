/**
 * Fan-in on one document (`npm run bench:relay-fanin`): W writers (default
 * 400) in ONE document of Kohero's relay, each sending pre-encoded task updates
 * at a steady pace, while another document receives multi-MB updates and
 * compacts. The relay's event-loop delay is read from its /metrics
 * (monitorEventLoopDelay, worst stall per second) throughout: the target is
 * no stall above 50 ms. Writes bench/results/relay-fanin.json.
 * BENCH_CPU_PROF=dir profiles the server; BENCH_SERVER=path/to/server.js runs another
 * build (a baseline) instead of build/server.js.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startOurs } from './lib/servers';
import { taskFrames, updateFrame } from './lib/task-updates';
import { treeCpuSeconds } from './lib/proc-cpu';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const WRITERS = env('BENCH_FANIN_WRITERS', 400);
const SECONDS = env('BENCH_FANIN_SECONDS', 10);
/** Total updates per second over all writers. */
const RATE = env('BENCH_FANIN_RATE', 200);
const BIG_UPDATES = env('BENCH_FANIN_BIG_UPDATES', 4);
const MEMBERS = 4;
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

const ours = await startOurs(MEMBERS, PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [], process.env.BENCH_SERVER);
const [docId, bigDocId] = ours.createDocs(2);
const perWriter = Math.ceil((RATE / WRITERS) * SECONDS) + 1;
const frames = taskFrames(WRITERS, perWriter);

function open(id: string, cookie: string): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(`${ours.wsUrl}/sync/${id}`, { headers: { cookie }, perMessageDeflate: false });
		ws.once('open', () => resolve(ws));
		ws.once('error', reject);
	});
}

async function loopDelayMs(): Promise<number> {
	const text = await (await fetch(`${ours.server.url}/metrics`)).text();
	return Number(/^kohero_event_loop_delay_max_seconds (\S+)/m.exec(text)?.[1] ?? NaN) * 1000;
}

let received = 0;
const writers: WebSocket[] = [];
/** Worst stall per second while the writers connect (not part of the verdict, printed). */
const connectSamples: number[] = [];
const connectSampler = setInterval(() => void loopDelayMs().then((ms) => connectSamples.push(ms), () => undefined), 1000);
const connectCpuBefore = treeCpuSeconds(ours.pid);
for (let i = 0; i < WRITERS; i += 50) {
	const batch = await Promise.all(Array.from({ length: Math.min(50, WRITERS - i) }, (_, k) => open(docId, ours.members[(i + k) % MEMBERS].cookie)));
	for (const ws of batch) ws.on('message', () => received++);
	writers.push(...batch);
}
// Upgrades (session, access) and greetings, with the first syncs they trigger: CPU per socket.
const connectCpuMs = ((treeCpuSeconds(ours.pid) - connectCpuBefore) * 1000) / writers.length;
console.log(`${writers.length} writers connected to one document`);
// Settle, then reset the server's 10 s stall window so the connection burst is not counted.
await new Promise((r) => setTimeout(r, 11_000));
clearInterval(connectSampler);
console.log('worst stall over the last 10 s while connecting and settling, ms:', connectSamples.map((ms) => Math.round(ms)));

const samples: number[] = [];
const sampler = setInterval(() => void loopDelayMs().then((ms) => samples.push(ms), () => undefined), 1000);
const cpuBefore = treeCpuSeconds(ours.pid);
const started = performance.now();
const sent = new Array<number>(WRITERS).fill(0);
// A multi-MB document written meanwhile: its log passes the compaction threshold at once.
const big = await open(bigDocId, ours.members[0].cookie);
const bigSource = new Y.Doc();
bigSource.on('update', (u: Uint8Array) => big.send(updateFrame(u)));
let bigSent = 0;
while (performance.now() - started < SECONDS * 1000) {
	const elapsed = (performance.now() - started) / 1000;
	writers.forEach((ws, w) => {
		const due = Math.min(frames[w].length, Math.floor(elapsed * (RATE / WRITERS) + w / WRITERS) + 1);
		while (sent[w] < due) ws.send(frames[w][sent[w]++]);
	});
	if (bigSent < BIG_UPDATES && elapsed > ((bigSent + 1) * SECONDS) / (BIG_UPDATES + 2)) {
		bigSource.getMap<string>('notes').set(`n${bigSent++}`, 'x'.repeat(900 * 1024));
	}
	await new Promise((r) => setTimeout(r, 5));
}
await new Promise((r) => setTimeout(r, 2000));
clearInterval(sampler);
samples.push(await loopDelayMs());
const cpu = treeCpuSeconds(ours.pid) - cpuBefore;
const updates = sent.reduce((a, b) => a + b, 0);
for (const ws of [...writers, big]) ws.terminate();
await ours.stop();

const result = {
	date: new Date().toISOString(),
	machine: 'shared, 2 cores',
	server: process.env.BENCH_SERVER ?? 'build/server.js',
	loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
	writers: WRITERS,
	seconds: SECONDS,
	updates,
	bigUpdates: bigSent,
	framesReceivedByWriters: received,
	serverCpuMsPer1000: Math.round((cpu * 1e6) / updates),
	connectCpuMsPerSocket: Math.round(connectCpuMs * 100) / 100,
	connectMaxLoopDelayMs: Math.round(Math.max(...connectSamples)),
	maxLoopDelayMs: Math.round(Math.max(...samples) * 10) / 10,
	loopDelaySamplesMs: samples.map((s) => Math.round(s * 10) / 10)
};
mkdirSync(new URL('./results', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/relay-fanin.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(result);
