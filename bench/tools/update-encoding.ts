/**
 * What Yjs' encoding of each transaction costs the relay (turn 14, as-sent.ts):
 * the bench's task updates (4 writers, interleaved, bench/lib/task-updates.ts) applied
 * to a fresh Y.Doc, with an 'update' listener (Yjs encodes every transaction again,
 * as the relay's room listened before) and with an 'afterTransactionCleanup' listener
 * only (the room now, when it relays the update as sent). Alternating, ROUNDS rounds
 * of ~SECONDS each; CPU per update of this process (process.cpuUsage), the median
 * and the spread. Run: npx tsx bench/tools/update-encoding.ts
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { taskFrames } from '../lib/task-updates';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SECONDS = Number(process.env.SECONDS ?? 3);
const WRITERS = 4;
const PER_WRITER = 1000;

// The updates inside the frames, interleaved as the writers' arrive at a relay.
const { frames } = taskFrames(WRITERS, PER_WRITER);
const updates: Uint8Array[] = [];
for (let n = 0; n < PER_WRITER; n++) {
	for (let k = 0; k < WRITERS; k++) {
		const decoder = decoding.createDecoder(frames[k][n]);
		decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
		updates.push(decoding.readVarUint8Array(decoder));
	}
}

type Arm = 'encoded again' | 'as sent';
let sink = 0;

/** Applies every update to one fresh document; returns how many were applied. */
function applyAll(arm: Arm): number {
	const doc = new Y.Doc({ gc: true });
	if (arm === 'encoded again') doc.on('update', (update: Uint8Array) => (sink += update.byteLength));
	else doc.on('afterTransactionCleanup', (tr: Y.Transaction) => (sink += tr.afterState.size));
	for (const update of updates) Y.applyUpdate(doc, update, 'writer');
	doc.destroy();
	return updates.length;
}

function round(arm: Arm): number {
	const started = process.cpuUsage();
	const until = performance.now() + SECONDS * 1000;
	let applied = 0;
	while (performance.now() < until) applied += applyAll(arm);
	const used = process.cpuUsage(started);
	return (used.user + used.system) / applied;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results: Record<Arm, number[]> = { 'encoded again': [], 'as sent': [] };
// Warm-up: both paths compiled before the first measured round.
applyAll('encoded again');
applyAll('as sent');
for (let r = 0; r < ROUNDS; r++) {
	const order: Arm[] = r % 2 === 0 ? ['encoded again', 'as sent'] : ['as sent', 'encoded again'];
	for (const arm of order) results[arm].push(round(arm));
}
for (const [arm, xs] of Object.entries(results)) {
	console.log(`${arm}: ${median(xs).toFixed(1)} µs CPU per update (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}), ${ROUNDS} rounds of ${SECONDS} s`);
}
console.log(`(${updates.length} updates per document; checksum ${sink % 7})`);
