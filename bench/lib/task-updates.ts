/**
 * Pre-encoded task updates for the fair relay benchmark: writer k of every
 * document sends the same byte sequence (its own Y.Doc, client id BASE + k),
 * so encoding costs nothing during the run. Every update adds exactly one
 * item, so the writer's clock in a receiving doc counts its updates seen.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

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

/**
 * `count` frames per writer for `writers` writers: new tasks, and every third
 * update ticks off (overwrites) the writer's previous task, as a board does.
 */
export function taskFrames(writers: number, count: number): Uint8Array[][] {
	return Array.from({ length: writers }, (_, k) => {
		const doc = new Y.Doc();
		doc.clientID = writerClientId(k);
		const frames: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => frames.push(updateFrame(update)));
		const tasks = doc.getMap<{ title: string; done: boolean }>('tasks');
		for (let n = 0; n < count; n++) {
			if (n % 3 === 2) tasks.set(`${k}-${n - 1}`, { title: `Tâche ${n - 1}`, done: true });
			else tasks.set(`${k}-${n}`, { title: `Tâche ${n}`, done: false });
		}
		doc.destroy();
		return frames;
	});
}
