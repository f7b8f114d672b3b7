/**
 * Save before broadcast, at the Room's own level: a DocStore whose `append` is
 * held open by the test. No peer may receive a writer's update until its
 * append resolved; a failed append closes the peers and broadcasts nothing.
 * Real sockets (a relay on port 0), raw y-websocket frames.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { DocStore } from './hooks';
import { anUpdate, frame, peer, startSpecRelay, stopSpecRelay, updateFrame } from './spec-relay';
import { WHOLE_TURN_FRAME_BYTES } from './limits';

/** A DocStore that holds every append until the test settles it. */
function heldStore() {
	const appends: { update: Uint8Array; resolve: () => void; reject: (err: Error) => void }[] = [];
	let notify: (() => void) | null = null;
	const store: DocStore = {
		load: async () => [],
		append: (_docId, update) =>
			new Promise<void>((resolve, reject) => {
				appends.push({ update, resolve, reject });
				notify?.();
			}),
		release: async () => undefined,
		flush: async () => undefined
	};
	/** Resolves once `n` appends were asked for. */
	const appended = (n: number) =>
		new Promise<void>((resolve) => {
			const check = () => appends.length >= n && resolve();
			notify = check;
			check();
		});
	return { store, appends, appended };
}

afterEach(stopSpecRelay);

const queryAwareness = () => frame((e) => encoding.writeVarUint(e, 3));

type SpecPeer = Awaited<ReturnType<typeof peer>>;

/** A writer and a reader of the spec relay's document, the reader greeted. */
async function writerAndReader(url: string): Promise<{ writer: SpecPeer; reader: SpecPeer }> {
	const writer = await peer(url, 'a');
	const reader = await peer(url, 'b');
	await reader.received('sync0');
	return { writer, reader };
}

/** A document whose updates are kept, in order. */
function recordedDoc(): { source: Y.Doc; updates: Uint8Array[] } {
	const source = new Y.Doc();
	const updates: Uint8Array[] = [];
	source.on('update', (u: Uint8Array) => updates.push(u));
	return { source, updates };
}

/** Sends `updates` as frames in one TCP write. */
function sendInOneWrite(writer: SpecPeer, updates: Uint8Array[]): void {
	const socket = (writer.ws as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
	socket.cork();
	for (const u of updates) writer.ws.send(updateFrame(u));
	socket.uncork();
}

/** A document fed with every update `reader` receives from now on. */
function copyOf(reader: SpecPeer): Y.Doc {
	const copy = new Y.Doc();
	reader.ws.on('message', (data: Buffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(data));
		if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 2) Y.applyUpdate(copy, decoding.readVarUint8Array(decoder));
	});
	return copy;
}

describe('Room: save before broadcast', () => {
	it('sends no peer the update until its append resolves', async () => {
		const { store, appends, appended } = heldStore();
		const url = await startSpecRelay(store);
		const writer = await peer(url, 'a');
		const reader = await peer(url, 'b');
		await reader.received('sync0');
		writer.ws.send(updateFrame(anUpdate('bonjour')));
		await appended(1);
		// The reader's own round trip comes back while the append is still held: the relay
		// has moved on, and still nothing of the update reached the reader.
		reader.ws.send(queryAwareness());
		await reader.received('type1');
		expect(reader.frames).not.toContain('sync2');
		appends[0].resolve();
		await reader.received('sync2');
		expect(writer.frames).not.toContain('sync2');
		writer.ws.close();
		reader.ws.close();
	});

	it('closes the peers and broadcasts nothing when the append fails', async () => {
		const { store, appends, appended } = heldStore();
		const url = await startSpecRelay(store);
		const writer = await peer(url, 'a');
		const reader = await peer(url, 'b');
		await reader.received('sync0');
		writer.ws.send(updateFrame(anUpdate('perdu')));
		await appended(1);
		appends[0].reject(new Error('disk full'));
		expect(await reader.closed).toBe(1011);
		expect(await writer.closed).toBe(1011);
		expect(reader.frames).not.toContain('sync2');
	});
});

describe('Room: a burst past the turn budget', () => {
	it('is handled over several turns, in arrival order, with timers running in between', async () => {
		const order: string[] = [];
		const appended: Uint8Array[] = [];
		const store: DocStore = {
			load: async () => [],
			append: async (_docId, update) => {
				if (appended.push(update) === 1) setTimeout(() => order.push('timer'), 0);
				order.push('append');
			},
			release: async () => undefined,
			flush: async () => undefined
		};
		// A budget of 0: every turn handles one frame, the rest wait.
		const url = await startSpecRelay(store, { turnBudgetMs: 0 });
		const { writer, reader } = await writerAndReader(url);
		const { source, updates } = recordedDoc();
		const letters = 'abcdefghijklmnopqrst';
		for (let i = 0; i < 20; i++) source.getText('notes').insert(i, letters[i]);
		// One TCP write: every frame arrives in one read, one turn of the relay's loop.
		sendInOneWrite(writer, updates);
		const copy = copyOf(reader);
		await reader.received('sync2', 20);
		expect(order.indexOf('timer')).toBeGreaterThan(0);
		expect(order.indexOf('timer')).toBeLessThan(order.lastIndexOf('append'));
		// Stored in the order sent: the writer's clocks 0, 1, 2…
		expect(appended.map((u) => Y.decodeUpdate(u).structs[0].id.clock)).toEqual([...Array(20).keys()]);
		expect(copy.getText('notes').toString()).toBe(letters);
		writer.ws.close();
		reader.ws.close();
	});

	it('keeps arrival order when a frame of a budget\'s worth waits for a turn of its own', async () => {
		const appends: number[] = [];
		const store: DocStore = {
			load: async () => [],
			append: async (_docId, update) => void appends.push(Y.decodeUpdate(update).structs[0].id.clock),
			release: async () => undefined,
			flush: async () => undefined
		};
		// The production budget.
		const url = await startSpecRelay(store);
		const { writer, reader } = await writerAndReader(url);
		const { source, updates } = recordedDoc();
		const notes = source.getText('notes');
		for (let i = 0; i < 5; i++) notes.insert(notes.length, 'a');
		notes.insert(notes.length, 'b'.repeat(WHOLE_TURN_FRAME_BYTES));
		for (let i = 0; i < 5; i++) notes.insert(notes.length, 'c');
		sendInOneWrite(writer, updates);
		const copy = copyOf(reader);
		const text = notes.toString();
		while (copy.getText('notes').length < text.length) await reader.received('sync2', reader.frames.filter((f) => f === 'sync2').length + 1);
		expect(copy.getText('notes').toString()).toBe(text);
		const big = 5 + WHOLE_TURN_FRAME_BYTES;
		expect(appends).toEqual([0, 1, 2, 3, 4, 5, big, big + 1, big + 2, big + 3, big + 4]);
		writer.ws.close();
		reader.ws.close();
	});
});
