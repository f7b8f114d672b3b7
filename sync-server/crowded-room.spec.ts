/**
 * Broadcasts in a crowded room (relay/crowd-broadcast.ts), over the real SQLite store
 * and real sockets (a relay on port 0, raw y-websocket frames): the rooms here count
 * as crowded from 2 peers.
 * Updates committed while a broadcast is written or paused after it leave together,
 * as one frame per peer; under many writers every peer converges, and no peer ever
 * receives an update before one it depends on; a peer that does not read is still
 * closed with 1013.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { metrics, type DocStore } from '$relay/index';
import { peer, startSpecRelay, stopSpecRelay, updateFrame } from '$relay/spec-relay';
import { createSqliteDocStore } from '$store/doc-log';
import { memoryDocDb } from '$store/spec-doc-db';

afterEach(stopSpecRelay);

const sqliteStore = (): DocStore => createSqliteDocStore(memoryDocDb(), { compactEvery: 1000, compactMinBytes: 1 << 20 });

/**
 * A raw socket with its own Y.Doc: local edits go out as update frames, and every
 * update it receives (sync step 2 or live update) is applied. `gaps` counts the
 * frames after which the doc held updates it could not integrate yet: one arrived
 * before another of the same writer it builds on (dropped or reordered).
 */
async function docPeer(url: string, user: string) {
	const doc = new Y.Doc();
	const p = await peer(url, user);
	let gaps = 0;
	let waiter: (() => void) | null = null;
	p.ws.on('message', (data: Buffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(data));
		if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) === 0) return;
		Y.applyUpdate(doc, decoding.readVarUint8Array(decoder), 'remote');
		if (doc.store.pendingStructs !== null) gaps++;
		waiter?.();
	});
	doc.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') p.ws.send(updateFrame(update));
	});
	const text = doc.getText('notes');
	/** Resolves once the doc's text is `length` characters long. */
	const reaches = (length: number) =>
		new Promise<void>((resolve) => {
			const check = () => text.length >= length && resolve();
			waiter = check;
			check();
		});
	return { ...p, doc, text, reaches, gaps: () => gaps };
}

/** A DocStore over the in-memory SQLite log whose appends are held until the test releases them. */
function heldSqliteStore() {
	const real = sqliteStore();
	const held: (() => void)[] = [];
	let notify: (() => void) | null = null;
	const store: DocStore = {
		...real,
		append: (docId, update, authorId) =>
			new Promise<void>((resolve, reject) => {
				held.push(() => real.append(docId, update, authorId).then(resolve, reject));
				notify?.();
			})
	};
	const appended = (n: number) =>
		new Promise<void>((resolve) => {
			const check = () => held.length >= n && resolve();
			notify = check;
			check();
		});
	/** Lets appends `from`…`to - 1` commit, each in its own transaction. */
	const release = (from: number, to: number) => held.slice(from, to).forEach((commit) => commit());
	return { store, appended, release };
}

describe('CrowdBroadcast: a crowded room', () => {
	it('sends the updates committed during the pause after a broadcast as ONE frame per peer', async () => {
		const { store, appended, release } = heldSqliteStore();
		// A pause long enough that the four commits below all land in it, on any machine.
		const url = await startSpecRelay(store, { crowd: { fromPeers: 2, minPauseMs: 2000 } });
		const a = await docPeer(url, 'a');
		const b = await docPeer(url, 'b');
		const reader = await docPeer(url, 'c');
		await reader.received('sync0');
		a.text.insert(0, '1');
		await appended(1);
		release(0, 1);
		// The first update after a quiet spell goes out at once.
		await reader.reaches(1);
		a.text.insert(1, '2');
		a.text.insert(2, '3');
		b.text.insert(0, '4');
		b.text.insert(1, '5');
		await appended(5);
		// Four commits, four batches of the room: one frame per batch before.
		release(1, 5);
		await Promise.all([a.reaches(5), b.reaches(5), reader.reaches(5)]);
		expect(reader.frames.filter((f) => f === 'sync2')).toHaveLength(2);
		// Two senders in one frame: each gets the other's updates (and its own back, which Yjs ignores).
		expect(a.frames.filter((f) => f === 'sync2')).toHaveLength(1);
		expect(b.frames.filter((f) => f === 'sync2')).toHaveLength(2);
		expect(new Set([a, b, reader].map((p) => p.text.toString())).size).toBe(1);
		for (const p of [a, b, reader]) p.ws.close();
	});

	it('merges each update once, though it waits for the broadcast in a batch of its commit', async () => {
		const url = await startSpecRelay(sqliteStore(), { crowd: { fromPeers: 2, minPauseMs: 2000 } });
		const a = await docPeer(url, 'a');
		const b = await docPeer(url, 'b');
		const reader = await docPeer(url, 'c');
		await reader.received('sync0');
		a.text.insert(0, '1');
		await reader.reaches(1);
		const mergedBefore = metrics.mergedUpdates;
		// Three batches of two updates during the pause, each batch written at once (the relay
		// reads it in one go and commits it in one transaction of the store).
		for (const [writer, at] of [[a, 1], [b, 3], [a, 5]] as const) {
			const socket = (writer.ws as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
			socket.cork();
			writer.doc.transact(() => writer.text.insert(at, 'x'));
			writer.doc.transact(() => writer.text.insert(at + 1, 'y'));
			socket.uncork();
		}
		await Promise.all([a.reaches(7), b.reaches(7), reader.reaches(7)]);
		expect(reader.frames.filter((f) => f === 'sync2')).toHaveLength(2);
		// Six updates, one broadcast: merged once each (not per batch, and then again together).
		expect(metrics.mergedUpdates - mergedBefore).toBe(6);
		for (const p of [a, b, reader]) p.ws.close();
	});

	it('converges with 30 writers typing at once, a broadcast written one peer per turn', async () => {
		const WRITERS = 30;
		const EDITS = 10;
		// A write budget of 0: each turn writes one peer, so broadcasts overlap with commits and new frames.
		const url = await startSpecRelay(sqliteStore(), { crowd: { fromPeers: 2, writeBudgetMs: 0 } });
		const writers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => docPeer(url, `w${i}`)));
		const reader = await docPeer(url, 'reader');
		await Promise.all([...writers, reader].map((w) => w.received('sync0')));
		for (let e = 0; e < EDITS; e++) for (const w of writers) w.text.insert(w.text.length, String.fromCharCode(65 + (e % 26)));
		const total = WRITERS * EDITS;
		await Promise.all([...writers, reader].map((w) => w.reaches(total)));
		const states = new Set([...writers, reader].map((w) => w.text.toString()));
		expect(states.size).toBe(1);
		expect([...writers, reader].map((w) => w.gaps())).toEqual(new Array(WRITERS + 1).fill(0));
		// Coalesced: far fewer frames than one per update per peer.
		expect(reader.frames.filter((f) => f === 'sync2').length).toBeLessThan(total);
		for (const w of [...writers, reader]) w.ws.close();
	});

	it('still closes a peer that does not read with 1013, and the others converge', async () => {
		const url = await startSpecRelay(sqliteStore(), { crowd: { fromPeers: 2 } });
		// Six writers: each may write 4 MiB a day to a document (write-quota.ts).
		const writers = await Promise.all(Array.from({ length: 6 }, (_, i) => docPeer(url, `big${i}`)));
		const reader = await docPeer(url, 'b');
		const slow = await peer(url, 'c');
		await slow.received('sync0');
		const socket = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
		socket.pause();
		const rejectedBefore = metrics.rejected.slowReader ?? 0;
		// 900 kB at a time until the relay gives up on it: past the kernel's buffers (~4 MB
		// unread) and the relay's 8 MiB, about 14; the document's 20 MiB allow 22.
		const received = reader.doc.getArray<string>('tasks');
		const rejected = () => (metrics.rejected.slowReader ?? 0) - rejectedBefore;
		for (let i = 1; i <= 22 && rejected() === 0; i++) {
			writers[i % writers.length].doc.getArray<string>('tasks').push(['x'.repeat(900 * 1024)]);
			await new Promise<void>((resolve) => {
				const check = () => received.length >= i && resolve();
				reader.ws.on('message', check);
				check();
			});
		}
		expect(rejected()).toBe(1);
		socket.resume();
		expect(await slow.closed).toBe(1013);
		// The writers were not closed, and hold what the reader holds.
		await Promise.all(writers.map((w) => new Promise<void>((resolve) => {
			const check = () => w.doc.getArray('tasks').length === received.length && resolve();
			w.ws.on('message', check);
			check();
		})));
		for (const w of writers) expect(w.ws.readyState).toBe(WebSocket.OPEN);
		for (const w of [...writers, reader]) w.ws.close();
	});
});
