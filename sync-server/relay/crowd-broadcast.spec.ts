/**
 * When a crowded room's broadcast is merged and written (crowd-broadcast.ts), turn by
 * turn. The targets record the frames handed to them; the sockets, the store and the
 * order peers see over the wire are crowded-room.spec.ts's.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CrowdBroadcast, type BroadcastTarget } from './crowd-broadcast';
import { decodeClientMessage, encodeUpdate } from './protocol';

/** One task update per writer, each writer its own Yjs client: a fan-in burst. */
function writersFrames(count: number): Uint8Array[] {
	return Array.from({ length: count }, (_, i) => {
		const doc = new Y.Doc();
		let update: Uint8Array | null = null;
		doc.on('update', (u: Uint8Array) => (update = u));
		doc.getMap<string>('tasks').set(`t${i}`, `tâche ${i}`);
		return encodeUpdate(update!);
	});
}

/** A target that resolves `first` with the frames of its first broadcast. */
function reader(): BroadcastTarget & { first: Promise<readonly Uint8Array[]> } {
	let got!: (frames: readonly Uint8Array[]) => void;
	const first = new Promise<readonly Uint8Array[]>((resolve) => (got = resolve));
	return { id: 'reader', sendNow: (frames) => got(frames), first };
}

/** Task keys the frames carry, applied to a fresh document. */
function keysOf(frames: readonly Uint8Array[]): string[] {
	const doc = new Y.Doc();
	for (const frame of frames) {
		const message = decodeClientMessage(frame);
		if (message.kind === 'update') Y.applyUpdate(doc, message.update);
	}
	return [...doc.getMap('tasks').keys()].sort();
}

/** Counts turns of the loop (timers phase) until stopped. */
function turnCounter() {
	let turns = 0;
	let timer = setTimeout(function tick() {
		turns++;
		timer = setTimeout(tick, 0);
	}, 0);
	return { stop: () => (clearTimeout(timer), turns) };
}

const endOfTask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('CrowdBroadcast', () => {
	it('sends a quiet room’s batch as the publishing task ends, merged into one update', async () => {
		const target = reader();
		const crowd = new CrowdBroadcast(new Set([target]), () => true);
		let sent: readonly Uint8Array[] | null = null;
		void target.first.then((frames) => (sent = frames));
		for (const [i, frame] of writersFrames(3).entries()) crowd.publish(frame, `writer-${i}`);
		await endOfTask();
		await endOfTask();
		expect(sent).toHaveLength(1);
		expect(keysOf(sent!)).toEqual(['t0', 't1', 't2']);
	});

	it('merges a fan-in burst a group of updates per turn when the turn has no time left', async () => {
		const target = reader();
		const crowd = new CrowdBroadcast(new Set([target]), () => false);
		const frames = writersFrames(400);
		for (const [i, frame] of frames.entries()) crowd.publish(frame, `writer-${i}`);
		const turns = turnCounter();
		const sent = await target.first;
		// 400 updates merged 16 at a time: 25 groups, then 2 of the 25 results, then the last 2.
		expect(turns.stop()).toBeGreaterThanOrEqual(25);
		expect(sent).toHaveLength(1);
		expect(keysOf(sent)).toEqual(keysOf(frames));
		expect(crowd.busy).toBe(false);
	});

	it('drops a broadcast being merged when the room closes', async () => {
		const target = reader();
		let sent = false;
		void target.first.then(() => (sent = true));
		const crowd = new CrowdBroadcast(new Set([target]), () => false);
		for (const [i, frame] of writersFrames(64).entries()) crowd.publish(frame, `writer-${i}`);
		await endOfTask();
		expect(crowd.busy).toBe(true);
		crowd.close();
		expect(crowd.busy).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(sent).toBe(false);
	});
});
