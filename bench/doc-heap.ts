/**
 * Heap of a loaded document against its encoded size (issue 12): what the
 * relay's document heap budget (sync-server/relay/doc-budget.ts) estimates
 * from. Three shapes of the same workspace: fine-grained typing, messages,
 * few large values. Heap measured after forced collections.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as Y from 'yjs';
import { estimateDocHeap } from '../sync-server/relay/doc-budget';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settledHeap(): number {
	for (let i = 0; i < 4; i++) gc();
	return process.memoryUsage().heapUsed;
}

/** Encoded state of one shape, built the way clients build it (one update per edit). */
function shape(name: string): Uint8Array {
	const doc = new Y.Doc();
	const server = new Y.Doc();
	doc.on('update', (u: Uint8Array) => Y.applyUpdate(server, u));
	if (name === 'typing') {
		const p = new Y.XmlElement('paragraph');
		doc.getXmlFragment('notes').push([p]);
		const text = new Y.XmlText();
		p.push([text]);
		// Fine-grained: each keystroke its own update, at a moving cursor so nothing merges.
		let seed = 42;
		for (let i = 0; i < 60_000; i++) {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			text.insert(seed % (text.length + 1), 'a');
		}
	} else if (name === 'messages') {
		for (let i = 0; i < 5_000; i++) {
			doc.getArray('messages').push([new Y.Map<unknown>([['id', `m${i}`], ['authorId', `u${i % 30}`], ['text', `Message numéro ${i} de la discussion`], ['createdAt', i]])]);
		}
	} else {
		for (let i = 0; i < 64; i++) doc.getArray('tasks').push([`${'x'.repeat(64 * 1024)}${i}`]);
	}
	const state = Y.encodeStateAsUpdate(server);
	doc.destroy();
	server.destroy();
	return state;
}

const results = [];
const kept: Y.Doc[] = [];
const states = new Map(['typing', 'messages', 'large values'].map((name) => [name, shape(name)]));
for (const [name, state] of states) {
	const before = settledHeap();
	const loaded = new Y.Doc();
	Y.applyUpdate(loaded, state);
	const heap = settledHeap() - before;
	let structs = 0;
	loaded.store.clients.forEach((s) => (structs += s.length));
	const estimate = estimateDocHeap(loaded, state.byteLength);
	results.push({ shape: name, encodedKiB: state.byteLength / 1024, heapKiB: heap / 1024, ratio: heap / state.byteLength, structs, estimateKiB: estimate / 1024 });
	console.log(
		`doc heap [${name}]: encoded ${(state.byteLength / 1024).toFixed(0)} KiB, heap ${(heap / 1024).toFixed(0)} KiB ` +
			`(×${(heap / state.byteLength).toFixed(1)}), ${structs} structs, estimate ${(estimate / 1024).toFixed(0)} KiB`
	);
	// Kept alive until the end: freeing it now would show up in the next measurement.
	kept.push(loaded);
}
for (const doc of kept) doc.destroy();
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/doc-heap.json', import.meta.url), JSON.stringify({ results }, null, 2) + '\n');
