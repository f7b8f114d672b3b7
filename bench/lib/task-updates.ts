/**
 * Pre-encoded task updates for the relay benchmarks: writer k of every
 * document sends the same byte sequence (its own Y.Doc, client id BASE + k),
 * so encoding costs nothing during the run. The edits are the app's own
 * (`addTask`, `setTaskDone`: API.md's `tasks`, a Y.Array of Y.Maps), so the
 * relay's integrity check accepts every one of them, as it does a real board's.
 * Every writer makes the same edits, so its clock after its n-th update is the
 * same for all writers (`clockAfter`): a receiving doc counts updates seen by it.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addTask, setTaskDone } from '../../src/lib/domain/workspace';

/** The y-websocket client id of writer `k`. */
export const writerClientId = (k: number): number => 7_000 + k;

/** A `sync update` frame around a Yjs update (y-websocket wire format). */
export function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

export interface TaskFrames {
	/** frames[k]: writer k's frames, in sending order. */
	frames: Uint8Array[][];
	/** A writer's clock once its first n + 1 updates are applied (the same for every writer). */
	clockAfter: number[];
}

/**
 * `count` frames per writer for `writers` writers: new tasks, and every third
 * update ticks off the writer's previous task, as a board does.
 */
export function taskFrames(writers: number, count: number): TaskFrames {
	let clockAfter: number[] = [];
	const frames = Array.from({ length: writers }, (_, k) => {
		const doc = new Y.Doc();
		doc.clientID = writerClientId(k);
		const own: Uint8Array[] = [];
		const clocks: number[] = [];
		doc.on('update', (update: Uint8Array) => {
			own.push(updateFrame(update));
			clocks.push(Y.getState(doc.store, doc.clientID));
		});
		for (let n = 0; n < count; n++) {
			if (n % 3 === 2) setTaskDone(doc, `${k}-${n - 1}`, true);
			else addTask(doc, { id: `${k}-${n}`, title: `Tâche ${n}`, createdBy: `bench-${k}`, now: 1_700_000_000_000 + n });
		}
		doc.destroy();
		if (own.length !== count) throw new Error(`writer ${k}: ${own.length} updates for ${count} edits`);
		if (k === 0) clockAfter = clocks;
		else if (clocks.some((c, n) => c !== clockAfter[n])) throw new Error(`writer ${k}: clocks differ from writer 0's`);
		return own;
	});
	return { frames, clockAfter };
}
