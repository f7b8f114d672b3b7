/**
 * What a document's client IDs cost the relay (`npm run bench:doc-clients`).
 * Yjs gives every Y.Doc instance a new client ID, and the app does not reuse
 * one across page loads: a document gains an ID per session that edits it.
 * The relay applies each update in a Yjs transaction that takes the document's
 * state vector (every client ID) three times, with an 'update' listener as the
 * relay has. Here: one writer's small task updates applied to a document that
 * already carries N client IDs (each with a task, as the app writes them:
 * API.md's `tasks` array of maps), N in alternating order, rounds of 2 s; the CPU
 * time per applied update, median and spread over the rounds.
 * Writes bench/results/doc-clients.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as Y from 'yjs';
import { addTask, setTaskDone } from '../src/lib/domain/workspace';
import { spreadOf, type Spread } from './lib/spread';

const CLIENT_COUNTS = [10, 400, 2000, 10_000];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_MS = 2000;
/** The writer's own tasks, which it ticks off in turn. */
const TASKS = 50;

/** A relay-side document carrying `clients` client IDs, each with one task. */
function documentWith(clients: number): Y.Doc {
	const seed = new Y.Doc();
	for (let c = 0; c < clients; c++) {
		const session = new Y.Doc();
		session.clientID = c + 1;
		addTask(session, { id: `t${c}`, title: 'x', createdBy: `u${c}`, now: 0 });
		Y.applyUpdate(seed, Y.encodeStateAsUpdate(session));
	}
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed));
	// The relay listens for what each update adds (to commit and broadcast it).
	doc.on('update', () => undefined);
	return doc;
}

/**
 * CPU µs per update over one round of ROUND_MS: the writer makes it, the document applies it
 * (or, with `clients` null, nothing applies it: the harness alone). The writer holds only its
 * own 50 tasks and ticks them off in turn (`setTaskDone`), so its cost does not depend on the document.
 */
function round(clients: number | null): number {
	const doc = clients === null ? null : documentWith(clients);
	const writer = new Y.Doc();
	writer.clientID = 1e7;
	for (let t = 0; t < TASKS; t++) addTask(writer, { id: `n${t}`, title: `Tâche ${t}`, createdBy: 'writer', now: 0 });
	if (doc) Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer));
	const updates: Uint8Array[] = [];
	writer.on('update', (u: Uint8Array) => updates.push(u));
	let applied = 0;
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	while (performance.now() - started < ROUND_MS) {
		// Ticks its tasks off and on again, in turn: one key set per update, whatever the document holds.
		setTaskDone(writer, `n${applied % TASKS}`, Math.floor(applied / TASKS) % 2 === 0);
		const update = updates[applied++];
		if (doc) Y.applyUpdate(doc, update);
	}
	const cpu = process.cpuUsage(cpuBefore);
	return (cpu.user + cpu.system) / applied;
}

// Warm-up: the Yjs code paths, before any measured round.
round(10);
const samples = new Map<number, number[]>(CLIENT_COUNTS.map((n) => [n, []]));
for (let r = 0; r < ROUNDS; r++) {
	const order = r % 2 === 0 ? CLIENT_COUNTS : [...CLIENT_COUNTS].reverse();
	for (const n of order) samples.get(n)!.push(round(n));
}
const harness = [round(null), round(null), round(null)];
const perUpdateUs: Record<string, Spread> = {};
for (const [n, values] of samples) perUpdateUs[n] = spreadOf(values.map((v) => Math.round(v * 10) / 10));

const result = {
	date: new Date().toISOString(),
	machine: 'shared, 2 cores',
	loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
	rounds: ROUNDS,
	roundMs: ROUND_MS,
	note: 'CPU µs per update, keyed by the client IDs the document carries; harnessUs: the writer alone (included in each)',
	harnessUs: spreadOf(harness.map((v) => Math.round(v * 10) / 10)),
	perUpdateUs
};
mkdirSync(new URL('./results', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/doc-clients.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(result);
