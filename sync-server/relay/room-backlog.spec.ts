/**
 * A room's waiting frames, without sockets: a Room, a Peer over a stand-in socket,
 * the production budgets. What a writer sent is never dropped because it waited.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { DocStore } from './hooks';
import { WHOLE_TURN_FRAME_BYTES } from './limits';
import { createLocalFanout } from './local-fanout';
import { Peer } from './peer';
import { Room } from './room';
import { updateFrame } from './spec-relay';
import { TurnBudget } from './turn-budget';

/** A socket that is open, reads, and drops what it is sent. */
const standInSocket = () =>
	({ readyState: 1, bufferedAmount: 0, send: () => undefined, close: () => undefined, pause: () => undefined, resume: () => undefined }) as unknown as WebSocket;

const rooms: Room[] = [];
afterEach(() => {
	for (const room of rooms.splice(0)) room.destroy();
});

async function roomWithWriter() {
	const appended: number[] = [];
	const store: DocStore = {
		load: async () => [],
		append: async (_docId, update) => void appended.push(update.byteLength),
		release: async () => undefined,
		flush: async () => undefined
	};
	const room = new Room('doc1', 'initiative', {
		hooks: { authorize: async () => ({ ok: false, code: 4401 }), store, onChange: () => undefined },
		fanout: createLocalFanout(),
		maxDocBytes: 20 * 1024 * 1024,
		budget: new TurnBudget(10),
		writeBudget: new TurnBudget(8),
		onEmpty: () => undefined
	});
	rooms.push(room);
	await room.load();
	const writer = new Peer(standInSocket(), { ok: true, userId: 'u1', sessionId: 's1', displayName: 'Aïcha', role: 'member', canWrite: true, docKind: 'initiative' });
	room.attach(writer);
	return { room, writer, appended };
}

/** A writer's two updates: a few characters, then a big paste. */
function smallThenBig(): [Uint8Array, Uint8Array] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	doc.getText('notes').insert(0, 'ab');
	doc.getText('notes').insert(2, 'c'.repeat(WHOLE_TURN_FRAME_BYTES));
	return [updates[0], updates[1]];
}

describe('Room: a frame that waits for a turn of its own', () => {
	it('is handled in a later turn, not behind the frame that started this one', async () => {
		const { room, writer, appended } = await roomWithWriter();
		const [small, big] = smallThenBig();
		room.receive(writer, updateFrame(small));
		room.receive(writer, updateFrame(big));
		expect(appended).toEqual([small.byteLength]);
		while (appended.length < 2) await new Promise((resolve) => setTimeout(resolve, 0));
		expect(appended[1]).toBeGreaterThan(WHOLE_TURN_FRAME_BYTES);
	});

	it('is still handled when its writer leaves meanwhile, the last one of the room', async () => {
		const { room, writer, appended } = await roomWithWriter();
		const [small, big] = smallThenBig();
		room.receive(writer, updateFrame(small));
		room.receive(writer, updateFrame(big));
		room.detach(writer);
		expect(appended).toHaveLength(2);
		expect(room.doc.getText('notes').length).toBe(2 + WHOLE_TURN_FRAME_BYTES);
	});
});
