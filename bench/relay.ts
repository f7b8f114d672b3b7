/**
 * Fair relay benchmark (`npm run bench:relay`): Kohero's relay (real
 * build/server.js: authenticated sockets, every update committed to SQLite
 * before it is relayed) against @y/websocket-server 0.1.1 (in memory, no
 * auth) on the SAME workload — D docs × W writers sending pre-encoded task
 * updates on raw sockets, one full Y.Doc observer per doc — in R rounds of
 * alternating order. Paced latency is measured twice: right after the saturation
 * burst, and once the relay went idle after it (the steady figure). Reports medians and spread (min–max), never a best-of;
 * server CPU per update is read from /proc for each relay's process tree. The paced p99 is judged pooled over
 * every round's updates, beside the stalls of the machine a third process saw meanwhile (lib/canary.ts).
 * The harness collects its own heap in full before each paced phase, with semi-spaces that hold the
 * phase's garbage, so its pauses stay out of the latencies (lib/harness-gc.ts: started without its flags,
 * the script runs itself again with them).
 * Then: stored log vs state (Kohero), idle sockets (both).
 * Writes bench/results/relay.json. BENCH_CPU_PROF=dir profiles our server and the reference.
 * BENCH_LATENCY_DUMP=dir writes each phase's [sent at µs, latency ms] and the canary's gaps (to line up with bench/tools' logs).
 * BENCH_NODE_ARGS adds node flags to our server (space-separated; e.g. a bench/tools preload);
 * BENCH_REFERENCE_NODE_ARGS to the reference's (the same preload, to read both the same way).
 * BENCH_SERVER_OUTPUT=dir keeps each relay's stdout and stderr there (<pid>.log), e.g. with --trace-gc-nvp in the node args.
 * BENCH_BASELINE=path/to/server.js adds a third relay in the same rounds: another
 * build of Kohero (before a change), so before and after come from one run.
 * BENCH_BASELINE_ENV='NAME=value …' runs that third relay with these variables (alone, or
 * beside BENCH_BASELINE): the same build in another configuration, e.g. without compactions.
 * BENCH_BASELINE_GC=1 gives that third relay a full collection after each of its rounds (a diagnostic).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { closeIdle, openIdle, type IdleResult } from './lib/idle';
import { rssMiB, untilIdle } from './lib/proc-cpu';
import { startOurs, startReference, type BenchServer, type OurServer } from './lib/servers';
import { SLOW_MS, runFair, type PhaseResult } from './lib/fair-workload';
import { churn, storedFigures, type StoredFigures } from './lib/stored-log';
import { taskFrames } from './lib/task-updates';
import { percentile, spreadOf, type Spread } from './lib/spread';
import { startCanary, type Stalls } from './lib/canary';
import { rerunWithHarnessFlags } from './lib/harness-gc';

const rerunStatus = rerunWithHarnessFlags();
if (rerunStatus !== null) process.exit(rerunStatus);

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DOCS = env('BENCH_DOCS', 50);
const WRITERS = env('BENCH_WRITERS', 4);
const ROUNDS = env('BENCH_ROUNDS', 3);
const SATURATION_S = env('BENCH_SATURATION_S', 5);
const PACED_S = env('BENCH_PACED_S', 5);
const PACED_RATE = env('BENCH_PACED_RATE', 200);
const WINDOW = env('BENCH_WINDOW', 4);
const IDLE = env('BENCH_IDLE', 10_000);
const IDLE_DOCS = 100;
const PROFILE_DIR = process.env.BENCH_CPU_PROF;
const BASELINE = process.env.BENCH_BASELINE;
/** The space-separated words of variable `name` (none when unset). */
const words = (name: string): string[] => (process.env[name] ?? '').split(' ').filter(Boolean);
const NODE_ARGS = words('BENCH_NODE_ARGS');
const REFERENCE_NODE_ARGS = words('BENCH_REFERENCE_NODE_ARGS');
/** NAME=value pairs, each split at its first '=' (a value may hold more: NODE_OPTIONS=--flag=value). */
const BASELINE_ENV = process.env.BENCH_BASELINE_ENV
	? Object.fromEntries(
			words('BENCH_BASELINE_ENV').map((pair) => {
				const at = pair.indexOf('=');
				return [pair.slice(0, at), pair.slice(at + 1)];
			})
		)
	: undefined;

const { frames, clockAfter } = taskFrames(WRITERS, 4000);
const workload = { docs: DOCS, writersPerDoc: WRITERS, observersPerDoc: 1, rounds: ROUNDS, saturationSeconds: SATURATION_S, window: WINDOW, pacedSeconds: PACED_S, pacedRate: PACED_RATE };
console.log('workload:', JSON.stringify(workload));

let refDocCounter = 0;
const refDocs = (n: number) => Array.from({ length: n }, () => `bench-doc-${String(refDocCounter++).padStart(5, '0')}`);

const canary = startCanary();
const profileArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
const reference = await startReference([...REFERENCE_NODE_ARGS, ...profileArgs]);
// --expose-gc only lets the idle run ask for a full collection (GET /metrics?gc=1) after the sockets close.
const ours: OurServer = await startOurs(WRITERS, ['--expose-gc', ...NODE_ARGS, ...profileArgs]);
const cookies = ours.members.map((m) => m.cookie);
const baseline: OurServer | null = BASELINE || BASELINE_ENV ? await startOurs(WRITERS, ['--expose-gc'], BASELINE, BASELINE_ENV) : null;

type Name = 'reference' | 'kohero' | 'baseline';
const names: Name[] = baseline ? ['reference', 'baseline', 'kohero'] : ['reference', 'kohero'];
type Round = {
	saturation: PhaseResult;
	paced: PhaseResult;
	pacedSteady: PhaseResult;
	loadAverage: number;
	stalls?: { paced: Stalls; pacedSteady: Stalls };
	/** Paced updates of SLOW_MS or more that no stall of the machine overlapped: the relay's own slow ones. */
	slowOutsideStalls?: { paced: number; pacedSteady: number };
};
const runs: Record<Name, Round[]> = { reference: [], kohero: [], baseline: [] };
const stored: StoredFigures[] = [];

async function roundOf(name: Name): Promise<void> {
	const kohero = name === 'baseline' ? baseline! : ours;
	const server: BenchServer = name === 'reference' ? reference : kohero;
	const docIds = name === 'reference' ? refDocs(DOCS) : kohero.createDocs(DOCS);
	const memberCookies = kohero.members.map((m) => m.cookie);
	const result = await runFair({
		wsUrl: server.wsUrl,
		pid: server.pid,
		docIds,
		frames,
		clockAfter,
		cookies: name === 'reference' ? undefined : memberCookies,
		observerCookie: name === 'reference' ? undefined : memberCookies[0],
		saturationSeconds: SATURATION_S,
		window: WINDOW,
		pacedSeconds: PACED_S,
		pacedRate: PACED_RATE,
		otherPids: [reference, ours, baseline].flatMap((other) => (other && other !== server ? [other.pid] : [])),
		settle: () => untilIdle(server.pid),
		beforeClose: name === 'kohero' ? (states) => void stored.push(storedFigures(ours.server.dataDir, states)) : undefined
	});
	const loadAverage = Math.round(loadavg()[0] * 10) / 10;
	runs[name].push({ ...result, loadAverage });
	console.log(`  ${name}: ${result.saturation.updatesPerSecond} updates/s, ${result.saturation.cpuMsPer1000} ms CPU/1000, paced p50/p99 ${result.paced.p50}/${result.paced.p99} ms after the burst, ${result.pacedSteady.p50}/${result.pacedSteady.p99} ms steady, paced ${result.paced.cpuMsPer1000} → ${result.pacedSteady.cpuMsPer1000} ms CPU/1000; the other relays meanwhile ${result.saturation.othersCpuMs} · ${result.paced.othersCpuMs} · ${result.pacedSteady.othersCpuMs} ms CPU (load ${loadAverage})`);
	// Let the relay unload the round's documents, then wait until it is idle: the next relay measured must
	// not share the cores with this one's compactions and checkpoints (a Kohero relay run right after another
	// was slower whichever build it was: the order, not the code).
	await new Promise((r) => setTimeout(r, 1500));
	// A diagnostic: the third relay's heap collected in full after each of its rounds (what V8 leaves uncollected).
	if (name === 'baseline' && process.env.BENCH_BASELINE_GC) await fetch(`${baseline!.server.url}/metrics?gc=1`);
	const waited = await untilIdle(server.pid);
	if (waited > 600) console.log(`  (${name} busy for ${Math.round(waited)} ms after its round)`);
}

for (let round = 0; round < ROUNDS; round++) {
	console.log(`round ${round + 1}/${ROUNDS}`);
	// Each relay takes each place in the order in turn.
	const order = names.map((_, i) => names[(i + round) % names.length]);
	for (const name of order) await roundOf(name);
}

const churned = await churn(ours.wsUrl, ours.createDocs(1)[0], cookies[0], ours.server.dataDir);
console.log(`churned doc: log ${churned.logBytes} B vs state ${churned.stateBytes} B`);
await ours.assertNothingRefused();
await baseline?.assertNothingRefused();

interface IdleFigures extends IdleResult {
	rssAfterCloseMiB: number;
	rssAfterGcMiB?: number;
	/** V8's heap used and committed (MiB) before the sockets and after they closed and a full GC. */
	heapMiB?: { usedBefore: number; totalBefore: number; usedAfterGc: number; totalAfterGc: number };
}

/** Our relay's heap used and committed, in MiB, after a full GC. */
async function heapAfterGc(): Promise<{ used: number; total: number }> {
	const text = await (await fetch(`${ours.server.url}/metrics?gc=1`)).text();
	const mib = (name: string) => Math.round((Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1]) / 1048576) * 10) / 10;
	return { used: mib('kohero_process_heap_used_bytes'), total: mib('kohero_process_heap_total_bytes') };
}

async function idleRun(server: BenchServer, docIds: string[], cookie?: string): Promise<IdleFigures> {
	const heapBefore = server === ours ? await heapAfterGc() : null;
	const baselineRssMiB = rssMiB(server.pid);
	const { sockets, error } = await openIdle(server.wsUrl, docIds, IDLE, cookie);
	await new Promise((r) => setTimeout(r, 2000));
	const withSockets = rssMiB(server.pid);
	await closeIdle(sockets);
	// Documents unload once their sockets are gone: memory should come back down.
	await new Promise((r) => setTimeout(r, 3000));
	const rssAfterCloseMiB = rssMiB(server.pid);
	if (server !== ours) return { requested: IDLE, opened: sockets.length, baselineRssMiB, rssMiB: withSockets, rssAfterCloseMiB, error };
	// Is what stayed garbage V8 has not collected yet, or is it held? A full GC tells.
	// (Measured: the heap used comes back to its baseline; what stays is heap V8 keeps committed.)
	const heapAfter = await heapAfterGc();
	await new Promise((r) => setTimeout(r, 1000));
	const heapMiB = heapBefore && { usedBefore: heapBefore.used, totalBefore: heapBefore.total, usedAfterGc: heapAfter.used, totalAfterGc: heapAfter.total };
	return { requested: IDLE, opened: sockets.length, baselineRssMiB, rssMiB: withSockets, rssAfterCloseMiB, rssAfterGcMiB: rssMiB(server.pid), heapMiB: heapMiB ?? undefined, error };
}
const idle = IDLE > 0
	? { reference: await idleRun(reference, refDocs(IDLE_DOCS)), kohero: await idleRun(ours, ours.createDocs(IDLE_DOCS), cookies[0]) }
	: null;
await reference.stop();
await ours.stop();
await baseline?.stop();
const canaryCpuMs = Math.round(canary.cpuMs());
if (process.env.BENCH_LATENCY_DUMP) writeFileSync(`${process.env.BENCH_LATENCY_DUMP}/canary.json`, JSON.stringify(canary.gaps()));
canary.stop();
for (const round of Object.values(runs).flat()) {
	round.stalls = { paced: canary.between(round.paced.fromUs, round.paced.toUs), pacedSteady: canary.between(round.pacedSteady.fromUs, round.pacedSteady.toUs) };
	const outside = (phase: PhaseResult) => phase.slow.filter((s) => !canary.overlaps(s.sentUs, s.sentUs + s.ms * 1000)).length;
	round.slowOutsideStalls = { paced: outside(round.paced), pacedSteady: outside(round.pacedSteady) };
}

type Pick = (r: Round) => number;
/** Where each summary figure comes from in a round's result. */
const PICKS = {
	updatesPerSecond: (r) => r.saturation.updatesPerSecond,
	cpuMsPer1000: (r) => r.saturation.cpuMsPer1000,
	pacedCpuMsPer1000: (r) => r.paced.cpuMsPer1000,
	pacedP50: (r) => r.paced.p50,
	pacedP99: (r) => r.paced.p99,
	pacedSteadyCpuMsPer1000: (r) => r.pacedSteady.cpuMsPer1000,
	pacedSteadyP50: (r) => r.pacedSteady.p50,
	pacedSteadyP99: (r) => r.pacedSteady.p99,
	saturatedP99: (r) => r.saturation.p99,
	framesPerUpdate: (r) => r.saturation.framesPerUpdate,
	harnessCpuMsPer1000: (r) => r.saturation.harnessCpuMsPer1000,
	/** The other relays' CPU during this one's two paced phases, ms: leftover work of theirs, noise for this one. */
	othersCpuMsPaced: (r) => r.paced.othersCpuMs + r.pacedSteady.othersCpuMs,
	loadAverage: (r) => r.loadAverage
} satisfies Record<string, Pick>;
type Figure = keyof typeof PICKS;
const FIGURES = Object.keys(PICKS) as Figure[];
const figureOf = (name: Name, k: Figure): Spread => spreadOf(runs[name].map(PICKS[k]));
const summary = Object.fromEntries(FIGURES.map((k) => [k, { reference: figureOf('reference', k), kohero: figureOf('kohero', k) }])) as Record<Figure, { reference: Spread; kohero: Spread }>;
/** The same figures for the baseline build, when there is one. */
const baselineSummary = baseline ? (Object.fromEntries(FIGURES.map((k) => [k, figureOf('baseline', k)])) as Record<Figure, Spread>) : null;
const ratio = (k: Figure) => Math.round((summary[k].kohero.median / summary[k].reference.median) * 100) / 100;

type PacedPhase = 'paced' | 'pacedSteady';
interface Pooled {
	updates: number;
	p50: number;
	p90: number;
	p99: number;
	/** The canary's stalls over the same phases: count and total ms, summed over rounds. */
	machineStalls: number;
	machineStallMs: number;
	/** Updates of SLOW_MS or more outside the machine's stalls, per 1000 updates: what the relay itself adds to the tail. */
	slowOutsideStallsPer1000: number;
	/** The harness's full collections just before these phases, median ms; its collections during them, count and total ms. */
	harnessGcBeforeMs: number;
	harnessGcs: number;
	harnessGcMs: number;
}
/**
 * Latency percentiles over every paced update of every round of a relay: a p99 of one 5 s round is its
 * ~10th slowest update, which two or three stalls of the machine decide; pooled, it is the 30th–50th.
 */
function pooled(name: Name, phase: PacedPhase): Pooled {
	const all = runs[name].flatMap((r) => r[phase].latencies).sort((a, b) => a - b);
	const at = (p: number) => Math.round(percentile(all, p) * 100) / 100;
	const stalls = runs[name].map((r) => r.stalls![phase]);
	return {
		updates: all.length,
		p50: at(50),
		p90: at(90),
		p99: at(99),
		machineStalls: stalls.reduce((sum, s) => sum + s.count, 0),
		machineStallMs: Math.round(stalls.reduce((sum, s) => sum + s.totalMs, 0)),
		slowOutsideStallsPer1000: Math.round((runs[name].reduce((sum, r) => sum + r.slowOutsideStalls![phase], 0) * 10000) / all.length) / 10,
		harnessGcBeforeMs: spreadOf(runs[name].map((r) => r[phase].harnessGc.beforeMs)).median,
		harnessGcs: runs[name].reduce((sum, r) => sum + r[phase].harnessGc.count, 0),
		harnessGcMs: Math.round(runs[name].reduce((sum, r) => sum + r[phase].harnessGc.ms, 0))
	};
}
const pooledOf = (phase: PacedPhase) => Object.fromEntries(names.map((name) => [name, pooled(name, phase)])) as Record<Name, Pooled>;
const pacedPooled = { paced: pooledOf('paced'), pacedSteady: pooledOf('pacedSteady') };
const pooledRatio = (phase: PacedPhase) => Math.round((pacedPooled[phase].kohero.p99 / pacedPooled[phase].reference.p99) * 100) / 100;
const ratios = { updatesPerSecond: ratio('updatesPerSecond'), cpuMsPer1000: ratio('cpuMsPer1000'), pacedP99: pooledRatio('paced'), pacedSteadyP99: pooledRatio('pacedSteady') };
for (const round of Object.values(runs).flat()) {
	for (const phase of ['saturation', 'paced', 'pacedSteady'] as const) {
		round[phase].latencies = [];
		round[phase].slow = [];
	}
}

const results = {
	date: new Date().toISOString(),
	machine: 'shared, 2 cores; the harness runs in the benchmark process; CPU per update is the steady figure, wall-clock ones are noisy',
	workload,
	summary,
	pacedPooled,
	canary: { cpuMs: canaryCpuMs, note: 'a third process with a 2 ms timer: gaps of 4 ms or more are the machine stalling (bench/lib/canary.ts)' },
	ratios,
	baseline: baseline ? { server: BASELINE, summary: baselineSummary } : undefined,
	storedLog: { rounds: stored, churned },
	idle,
	runs
};
mkdirSync(new URL('./results', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/relay.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');

const row = (s: Spread) => `${s.median} (${s.min}–${s.max})`;
console.table(Object.fromEntries(FIGURES.map((k) => [k, {
	reference: row(summary[k].reference),
	...(baselineSummary ? { baseline: row(baselineSummary[k]) } : {}),
	kohero: row(summary[k].kohero)
}])));
console.log(`paced, pooled over rounds (ms; machine stalls: count / total ms the canary saw; updates of ${SLOW_MS} ms or more outside them, per 1000; the harness's full collection before each phase, and its collections during them):`);
console.table(Object.fromEntries(names.flatMap((name) => (['paced', 'pacedSteady'] as const).map((phase) => [`${name} ${phase}`, pacedPooled[phase][name]]))));
console.log(`canary CPU: ${canaryCpuMs} ms in all`);
console.log('ratios kohero/reference (paced p99: pooled):', ratios);
if (idle) console.log('idle:', idle);
console.log('written to bench/results/relay.json');
