/**
 * The CPU cost of the relay's integrity checks (issue 12: ≤ 10% per update).
 * Same workload twice per round on a fresh copy of a lived-in document: the
 * relay's per-update work without I/O (apply the writer's update, encode the
 * outgoing frame) with plain Y.applyUpdate and with applyChecked, interleaved.
 * CPU time from process.cpuUsage; overhead = median over rounds of the ratio.
 * No server needed. Run bundled (as in production: no tsx name-keeping wrappers).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { applyChecked, type CheckedWriter } from '../sync-server/relay/integrity';
import { encodeUpdate } from '../sync-server/relay/protocol';
import { appendParagraph } from './lib/notes';

const RESULTS = new URL('./results/', import.meta.url);
// Under tsx every function is wrapped to keep its name, which the production
// bundle does not do: measure a bundle of this file, as production runs it.
if (!process.env.BENCH_BUNDLED) {
	const { build } = await import('esbuild');
	// Inside node_modules so that its packages resolve, and ignored by git.
	const outfile = fileURLToPath(new URL(`../node_modules/.cache/kohero-integrity-cost-${process.pid}.mjs`, import.meta.url));
	await build({ entryPoints: [fileURLToPath(import.meta.url)], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning', absWorkingDir: fileURLToPath(new URL('..', import.meta.url)) });
	const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit', env: { ...process.env, BENCH_BUNDLED: '1', BENCH_RESULTS: fileURLToPath(RESULTS) } });
	rmSync(outfile, { force: true });
	process.exit(run.status ?? 1);
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 3000);
const WRITERS = 4;

interface Step {
	update: Uint8Array;
	writer: CheckedWriter;
}

function entry(fields: Record<string, unknown>): Y.Map<unknown> {
	return new Y.Map<unknown>(Object.entries(fields));
}

/** A workspace with history: 100 past editors, 300 messages, 60 voted ideas, 80 tasks, 6 kB of notes. */
function livedIn(): Uint8Array {
	const doc = new Y.Doc();
	for (let c = 0; c < 100; c++) {
		const past = new Y.Doc();
		Y.applyUpdate(past, Y.encodeStateAsUpdate(doc));
		const author = `u${c % 20}`;
		past.transact(() => {
			for (let i = 0; i < 3; i++) past.getArray('messages').push([entry({ id: `m${c}-${i}`, authorId: author, text: `message ${c}-${i}`, createdAt: c })]);
			if (c < 60) {
				const votes = new Y.Map<unknown>([[author, true], [`u${(c + 1) % 20}`, true]]);
				past.getArray('ideas').push([entry({ id: `i${c}`, authorId: author, text: `idée ${c}`, createdAt: c, votes })]);
			}
			if (c < 80) past.getArray('tasks').push([entry({ id: `t${c}`, title: `tâche ${c}`, done: false, createdBy: author })]);
			appendParagraph(past, `Paragraphe ${c} des notes communes, assez long pour compter.`);
		});
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(past, Y.encodeStateVector(doc)));
	}
	return Y.encodeStateAsUpdate(doc);
}

/** UPDATES writer updates in causal order: typing in the notes, tasks, messages, own edits, votes. */
function steps(base: Uint8Array): Step[] {
	const docs = Array.from({ length: WRITERS }, () => {
		const d = new Y.Doc();
		Y.applyUpdate(d, base);
		return d;
	});
	const out: Step[] = [];
	for (let i = 0; i < UPDATES; i++) {
		const w = i % WRITERS;
		const doc = docs[w];
		const userId = `u${w}`;
		// What y-websocket sends: the transaction's own update (not a state diff with the whole delete set).
		let update: Uint8Array | null = null;
		const capture = (u: Uint8Array) => (update = u);
		doc.on('update', capture);
		const kind = i % 10;
		if (kind < 5) {
			const text = (doc.getXmlFragment('notes').get(w) as Y.XmlElement).get(0) as Y.XmlText;
			text.insert(Math.min(text.length, 10 + (i % 7)), 'a');
		} else if (kind === 5) {
			(doc.getArray('tasks').get(i % 80) as Y.Map<unknown>).set('done', i % 20 === 5);
		} else if (kind === 6 || kind === 7) {
			doc.getArray('messages').push([entry({ id: `n${i}`, authorId: userId, text: `réponse ${i}`, createdAt: i })]);
		} else if (kind === 8) {
			const messages = doc.getArray<Y.Map<unknown>>('messages');
			const own = messages.get(messages.length - 1 - ((i / 10) % 3 | 0));
			if (own.get('authorId') === userId) own.set('text', `corrigé ${i}`);
			else doc.getArray('tasks').push([entry({ id: `x${i}`, title: 'nouvelle', done: false, createdBy: userId })]);
		} else {
			((doc.getArray('ideas').get(i % 60) as Y.Map<unknown>).get('votes') as Y.Map<unknown>).set(userId, true);
		}
		doc.off('update', capture);
		if (update === null) continue;
		for (const other of docs) if (other !== doc) Y.applyUpdate(other, update);
		out.push({ update, writer: { userId, role: 'member' } });
	}
	return out;
}

const CHUNK = 50;

/**
 * CPU µs per update for one pass over `work`, plain and checked, each on its
 * own fresh copy of `base`. The two run interleaved in chunks of CHUNK updates
 * (order alternating), so that load from elsewhere on the machine falls on both alike.
 */
function pass(base: Uint8Array, work: Step[]): { plain: number; checked: number } {
	const docs = [false, true].map(() => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, base);
		doc.on('update', (u: Uint8Array) => encodeUpdate(u));
		return doc;
	});
	const spent = [0, 0];
	let refused = 0;
	for (let from = 0; from < work.length; from += CHUNK) {
		const chunk = work.slice(from, from + CHUNK);
		const order = (from / CHUNK) % 2 === 0 ? [0, 1] : [1, 0];
		for (const which of order) {
			const doc = docs[which];
			const start = process.cpuUsage();
			for (const { update, writer } of chunk) {
				if (which === 1) refused += applyChecked(doc, 'initiative', update, writer);
				else Y.applyUpdate(doc, update, writer);
			}
			const used = process.cpuUsage(start);
			spent[which] += used.user + used.system;
		}
	}
	for (const doc of docs) doc.destroy();
	// The workload is legitimate: the checks must pass all of it, or the figure means nothing.
	if (refused > 0) throw new Error(`workload broken: ${refused} changes refused`);
	return { plain: spent[0] / work.length, checked: spent[1] / work.length };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const base = livedIn();
const work = steps(base);
const plain: number[] = [];
const withChecks: number[] = [];
const ratios: number[] = [];
pass(base, work);
for (let round = 0; round < ROUNDS; round++) {
	const figures = pass(base, work);
	plain.push(figures.plain);
	withChecks.push(figures.checked);
	ratios.push(figures.checked / figures.plain);
}
const result = {
	docKiB: base.byteLength / 1024,
	updates: work.length,
	rounds: ROUNDS,
	plainMicros: median(plain),
	checkedMicros: median(withChecks),
	overheadPercent: (median(ratios) - 1) * 100
};
console.log(
	`integrity cost: ${result.updates} updates × ${ROUNDS} rounds on a ${result.docKiB.toFixed(0)} KiB document — ` +
		`plain ${result.plainMicros.toFixed(1)} µs, checked ${result.checkedMicros.toFixed(1)} µs CPU per update (median), ` +
		`overhead ${result.overheadPercent.toFixed(1)} %`
);
const resultsDir = process.env.BENCH_RESULTS ?? fileURLToPath(RESULTS);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'integrity-cost.json'), JSON.stringify(result, null, 2) + '\n');
