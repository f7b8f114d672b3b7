/**
 * Runs the relay's update path on a throwaway document in the relay's first
 * second, so V8 has compiled it by the first burst. Until V8 has seen
 * a function run many times it interprets it: the first 400-writer burst after a
 * start applied, checked and merged updates several times slower than the same
 * burst a minute later (Y.mergeUpdates of 400 task updates: 24 ms cold, 3 ms
 * warm), and that was the relay's worst stall. Here: writers make the app's own
 * edits (tasks, ticks, messages, ideas, votes, notes), each update goes through
 * the integrity check as a room applies it, the room's updates are merged per
 * batch and merged again per broadcast, and sync answers are encoded. Nothing of
 * it is stored or sent. It costs ~0.7 s of CPU once per process, taken a few ms
 * at a time (setImmediate between slices), so sockets are served meanwhile.
 */
import * as Y from 'yjs';
import { addTask, notesOf, postMessage, proposeIdea, setTaskDone, setVote } from '$lib/domain/workspace';
import { applyChecked } from './integrity';
import { mergeBatch } from './merge-batch';
import { encodeSyncStep2, encodeUpdate } from './protocol';

const WRITERS = 64;
/** Measured: 16 rounds take applying 400 task updates from 105 to 34–40 ms, merging them from 46 to 7–10 ms. */
const ROUNDS = 16;
const BATCH = 16;
/** Longest slice of warm-up work between two turns of the loop. */
const SLICE_MS = 5;

/** What warming up did: updates applied and the milliseconds it took. */
export interface WarmUp {
	updates: number;
	ms: number;
}

/** Runs the update path `ROUNDS` times over `WRITERS` writers, a slice per turn of the loop. */
export async function warmUpRelay(): Promise<WarmUp> {
	const started = performance.now();
	let sliceStarted = started;
	const yieldIfLong = async () => {
		if (performance.now() - sliceStarted < SLICE_MS) return;
		await new Promise((resolve) => setImmediate(resolve));
		sliceStarted = performance.now();
	};
	const room = new Y.Doc({ gc: true });
	const applied: Uint8Array[] = [];
	room.on('update', (update: Uint8Array) => applied.push(update));
	const writers = Array.from({ length: WRITERS }, (_, k) => {
		const doc = new Y.Doc();
		const sent: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => sent.push(update));
		return { doc, sent, userId: `warm-up-${k}` };
	});
	let updates = 0;
	for (let round = 0; round < ROUNDS; round++) {
		for (const [k, { doc, userId }] of writers.entries()) {
			edit(doc, userId, round, k);
			await yieldIfLong();
		}
		for (const writer of writers) {
			for (const update of writer.sent.splice(0)) {
				applyChecked(room, 'initiative', update, { userId: writer.userId, role: round % 8 === 0 ? 'owner' : 'member' });
				updates++;
			}
			await yieldIfLong();
		}
		const batches: Uint8Array[] = [];
		for (let i = 0; i < applied.length; i += BATCH) {
			batches.push(mergeBatch(applied.slice(i, i + BATCH)));
			await yieldIfLong();
		}
		encodeUpdate(mergeBatch(batches));
		applied.length = 0;
		encodeSyncStep2(Y.encodeStateAsUpdate(room, Y.encodeStateVector(new Y.Doc())));
	}
	for (const { doc } of writers) doc.destroy();
	room.destroy();
	return { updates, ms: Math.round(performance.now() - started) };
}

/** One writer's edits of a round: what people do on a board in a meeting. */
function edit(doc: Y.Doc, userId: string, round: number, k: number): void {
	const now = 1_700_000_000_000 + round;
	addTask(doc, { id: `t${k}-${round}`, title: `Tâche ${round} de ${k}`, createdBy: userId, now });
	if (round > 0) setTaskDone(doc, `t${k}-${round - 1}`, true);
	if (round % 2 === 0) postMessage(doc, { id: `m${k}-${round}`, authorId: userId, text: `Message ${round} — on se retrouve samedi ?`, now });
	if (round % 4 === 1) proposeIdea(doc, { id: `i${k}-${round}`, authorId: userId, text: `Idée ${round}`, now });
	if (round % 4 === 2) setVote(doc, `i${k}-${round - 1}`, userId, true);
	if (round % 3 === 0) {
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText(`Notes de ${k}, tour ${round}`)]);
		notesOf(doc).push([paragraph]);
	}
	// A message under someone else's name: refused by the integrity check, undone.
	if (round % 6 === 5) postMessage(doc, { id: `x${k}-${round}`, authorId: `${userId}-other`, text: 'Pas de moi', now });
}
