/**
 * Fan-in on one document (`npm run bench:relay-fanin`): W writers (default
 * 400) in ONE document of Kohero's relay, each sending pre-encoded task updates
 * at a steady pace, while another document receives multi-MB updates and
 * compacts. The relay's event-loop delay is read from its /metrics
 * (monitorEventLoopDelay, worst stall per second) throughout: the target is
 * no stall above 50 ms. The load runs twice on the same relay: first on a relay that has only
 * seen the connections (the verdict), then again once it is warm; the connections' own
 * CPU per socket and worst stall are printed too. Writes bench/results/relay-fanin.json.
 * BENCH_CPU_PROF=dir profiles the server (sampling every 250 µs); BENCH_SERVER=path/to/server.js runs another
 * build (a baseline) instead of build/server.js; BENCH_NODE_ARGS adds node flags to the server;
 * BENCH_FANIN_WARM=0 skips the warm phase (to compare builds on the verdict over many runs).
 * The relay's stall timer fires every BENCH_LOOP_RESOLUTION_MS (default 1): at the relay's
 * production default of 10 ms, a stall reads up to 10 ms longer than it was (ops/prometheus.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startOurs } from './lib/servers';
import { taskFrames, updateFrame } from './lib/task-updates';
import { appendParagraph } from './lib/notes';
import { treeCpuSeconds } from './lib/proc-cpu';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const WRITERS = env('BENCH_FANIN_WRITERS', 400);
const SECONDS = env('BENCH_FANIN_SECONDS', 10);
/** Total updates per second over all writers. */
const RATE = env('BENCH_FANIN_RATE', 200);
const BIG_UPDATES = env('BENCH_FANIN_BIG_UPDATES', 4);
const MEMBERS = 4;
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

/** Extra node flags for the server (BENCH_NODE_ARGS, space-separated): to compare V8 settings. */
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
if (PROFILE_DIR) nodeArgs.push('--cpu-prof', '--cpu-prof-interval=250', `--cpu-prof-dir=${PROFILE_DIR}`);
const LOOP_RESOLUTION_MS = env('BENCH_LOOP_RESOLUTION_MS', 1);
const ours = await startOurs(MEMBERS, nodeArgs, process.env.BENCH_SERVER, { KOHERO_LOOP_DELAY_RESOLUTION_MS: String(LOOP_RESOLUTION_MS) });
const [docId, bigDocId] = ours.createDocs(2);
const perWriter = 2 * (Math.ceil((RATE / WRITERS) * SECONDS) + 1);
const { frames } = taskFrames(WRITERS, perWriter);

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
await new Promise((r) => setTimeout(r, 12_000));
clearInterval(connectSampler);
console.log('worst stall over the last 10 s while connecting and settling, ms:', connectSamples.map((ms) => Math.round(ms)));

const sent = new Array<number>(WRITERS).fill(0);

/**
 * One load phase: every writer sends at its steady pace (its first update at once: a burst of
 * W), the big document gets its multi-MB updates. Returns the stall samples and the CPU used.
 */
async function load(bigWriter: number): Promise<{ samples: number[]; cpu: number; updates: number; big: WebSocket }> {
	const samples: number[] = [];
	const sampler = setInterval(() => void loopDelayMs().then((ms) => samples.push(ms), () => undefined), 1000);
	const cpuBefore = treeCpuSeconds(ours.pid);
	const sentBefore = sent.reduce((a, b) => a + b, 0);
	const from = [...sent];
	const started = performance.now();
	// A multi-MB document written meanwhile: its log passes the compaction threshold at once.
	// (A writer per phase: 4 × 900 kB is what one person may add to a document in 24 h.)
	const big = await open(bigDocId, ours.members[bigWriter].cookie);
	const bigSource = new Y.Doc();
	bigSource.on('update', (u: Uint8Array) => big.send(updateFrame(u)));
	let bigSent = 0;
	while (performance.now() - started < SECONDS * 1000) {
		const elapsed = (performance.now() - started) / 1000;
		writers.forEach((ws, w) => {
			const due = Math.min(frames[w].length, from[w] + Math.floor(elapsed * (RATE / WRITERS) + w / WRITERS) + 1);
			while (sent[w] < due) ws.send(frames[w][sent[w]++]);
		});
		if (bigSent < BIG_UPDATES && elapsed > ((bigSent + 1) * SECONDS) / (BIG_UPDATES + 2)) {
			appendParagraph(bigSource, `n${bigWriter}-${bigSent++} ${'x'.repeat(900 * 1024)}`);
		}
		await new Promise((r) => setTimeout(r, 5));
	}
	await new Promise((r) => setTimeout(r, 2000));
	clearInterval(sampler);
	samples.push(await loopDelayMs());
	return { samples, cpu: treeCpuSeconds(ours.pid) - cpuBefore, updates: sent.reduce((a, b) => a + b, 0) - sentBefore, big };
}

// The verdict: the first load on a relay that has only seen the connections (its code not yet
// optimised by V8 for this work). Then, after the stall window is reset again, the same load on
// the same, now warm, relay: how much of the first phase's worst stall is warm-up.
const first = await load(0);
let warm: Awaited<ReturnType<typeof load>> | null = null;
if (process.env.BENCH_FANIN_WARM !== '0') {
	await new Promise((r) => setTimeout(r, 12_000));
	warm = await load(1);
}
const { samples, cpu, updates } = first;
for (const ws of [...writers, first.big, ...(warm ? [warm.big] : [])]) ws.terminate();
await ours.assertNothingRefused();
// The relay's errors and warnings (a failed commit closes every socket of its document).
const faults = ours.server.output().split('\n').filter((line) => /"level":"(error|warn)"/.test(line));
if (faults.length > 0) console.log(`relay errors and warnings (${faults.length}):\n${faults.slice(0, 5).join('\n')}`);
await ours.stop();

const result = {
	date: new Date().toISOString(),
	machine: 'shared, 2 cores',
	server: process.env.BENCH_SERVER ?? 'build/server.js',
	loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
	loopDelayResolutionMs: LOOP_RESOLUTION_MS,
	writers: WRITERS,
	seconds: SECONDS,
	updates,
	bigUpdates: BIG_UPDATES,
	framesReceivedByWriters: received,
	serverCpuMsPer1000: Math.round((cpu * 1e6) / updates),
	connectCpuMsPerSocket: Math.round(connectCpuMs * 100) / 100,
	connectMaxLoopDelayMs: Math.round(Math.max(...connectSamples)),
	maxLoopDelayMs: Math.round(Math.max(...samples) * 10) / 10,
	loopDelaySamplesMs: samples.map((s) => Math.round(s * 10) / 10),
	warm: warm && {
		serverCpuMsPer1000: Math.round((warm.cpu * 1e6) / warm.updates),
		maxLoopDelayMs: Math.round(Math.max(...warm.samples) * 10) / 10,
		loopDelaySamplesMs: warm.samples.map((s) => Math.round(s * 10) / 10)
	}
};
mkdirSync(new URL('./results', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/relay-fanin.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(result);
