/**
 * Generators of hostile y-websocket frames for the protocol fuzzer. Each kind
 * targets one way a decoder can go wrong: lengths, varints, types, bodies,
 * documents and presence.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export type FrameKind =
	| 'randomBytes'
	| 'truncatedVarint'
	| 'overlongVarint'
	| 'unknownType'
	| 'garbageSyncBody'
	| 'garbageAwarenessBody'
	| 'hugeDeclaredLength'
	| 'foreignUpdate'
	| 'danglingUpdate'
	| 'awarenessFlood'
	| 'oversized';

/** Relative frequency of each kind; oversized frames are 1 MiB each, so rare. */
export const FRAME_WEIGHTS: Record<FrameKind, number> = {
	randomBytes: 20,
	truncatedVarint: 8,
	overlongVarint: 8,
	unknownType: 10,
	garbageSyncBody: 14,
	garbageAwarenessBody: 10,
	hugeDeclaredLength: 8,
	foreignUpdate: 8,
	danglingUpdate: 4,
	awarenessFlood: 9,
	oversized: 0.05
};

const MIB = 1024 * 1024;

function int(max: number): number {
	return Math.floor(Math.random() * max);
}

function randomBytes(length: number): Uint8Array {
	const bytes = new Uint8Array(length);
	for (let i = 0; i < length; i++) bytes[i] = int(256);
	return bytes;
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
}

/** A valid update from an unrelated document (it merges, but was never meant for this one). */
function foreignUpdate(): Uint8Array {
	const doc = new Y.Doc();
	doc.getArray('foreign').push([{ text: 'x'.repeat(int(64)) }]);
	doc.getMap(`field${int(4)}`).set('k', int(1000));
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

/** A valid update whose dependencies the server never saw (Yjs keeps it pending). */
function danglingUpdate(): Uint8Array {
	const doc = new Y.Doc();
	const text = doc.getText('notes');
	text.insert(0, 'début ');
	const before = Y.encodeStateVector(doc);
	text.insert(3, 'milieu');
	const update = Y.encodeStateAsUpdate(doc, before);
	doc.destroy();
	return update;
}

/** Many presence states from made-up client ids in one message (y-protocols' awareness wire format). */
function awarenessFlood(): Uint8Array {
	return frame((e) => {
		const count = 50;
		encoding.writeVarUint(e, count);
		for (let i = 0; i < count; i++) {
			encoding.writeVarUint(e, int(2 ** 31));
			encoding.writeVarUint(e, 1 + int(100));
			encoding.writeVarString(e, JSON.stringify({ user: { name: 'x'.repeat(int(200)) }, cursor: int(1e6) }));
		}
	});
}

const generators: Record<FrameKind, () => Uint8Array> = {
	randomBytes: () => randomBytes(int(300)),
	truncatedVarint: () => {
		const bytes = randomBytes(1 + int(3));
		for (let i = 0; i < bytes.length; i++) bytes[i] |= 0x80;
		return Math.random() < 0.5 ? bytes : Uint8Array.from([0, ...bytes]);
	},
	overlongVarint: () => Uint8Array.from([...new Array(10 + int(20)).fill(0xff), 0x01, ...randomBytes(int(8))]),
	unknownType: () => frame((e) => {
		encoding.writeVarUint(e, 4 + int(100_000));
		encoding.writeUint8Array(e, randomBytes(int(64)));
	}),
	garbageSyncBody: () => frame((e) => {
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, int(3));
		encoding.writeVarUint8Array(e, randomBytes(int(200)));
	}),
	garbageAwarenessBody: () => frame((e) => {
		encoding.writeVarUint(e, 1);
		encoding.writeVarUint8Array(e, randomBytes(int(200)));
	}),
	hugeDeclaredLength: () => frame((e) => {
		const type = int(2);
		encoding.writeVarUint(e, type);
		if (type === 0) encoding.writeVarUint(e, int(3));
		encoding.writeVarUint(e, 2 ** 20 + int(2 ** 31));
		encoding.writeUint8Array(e, randomBytes(int(32)));
	}),
	foreignUpdate: () => frame((e) => {
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, 2);
		encoding.writeVarUint8Array(e, foreignUpdate());
	}),
	danglingUpdate: () => frame((e) => {
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, 2);
		encoding.writeVarUint8Array(e, danglingUpdate());
	}),
	awarenessFlood: () => frame((e) => {
		encoding.writeVarUint(e, 1);
		encoding.writeVarUint8Array(e, awarenessFlood());
	}),
	oversized: () => randomBytes(MIB + 1 + int(1024))
};

const kinds = Object.keys(FRAME_WEIGHTS) as FrameKind[];
const totalWeight = kinds.reduce((sum, k) => sum + FRAME_WEIGHTS[k], 0);

/** Kinds no correct server may accept: the socket that sent one must be closed. */
export const MUST_CLOSE: ReadonlySet<FrameKind> = new Set([
	'truncatedVarint', 'overlongVarint', 'unknownType', 'hugeDeclaredLength', 'oversized'
]);

/** One random hostile frame and its kind. */
export function hostileFrame(): { kind: FrameKind; data: Uint8Array } {
	let pick = Math.random() * totalWeight;
	for (const kind of kinds) {
		pick -= FRAME_WEIGHTS[kind];
		if (pick <= 0) return { kind, data: generators[kind]() };
	}
	return { kind: 'randomBytes', data: generators.randomBytes() };
}

/** `[3]`: "send me the presence you know" — a frame the server always answers. */
export const QUERY_AWARENESS = Uint8Array.from([3]);

/** A well-formed presence message: one client's state `{probe}` at `clock`. */
export function presenceFrame(clientId: number, clock: number, probe: string): Uint8Array {
	const update = frame((e) => {
		encoding.writeVarUint(e, 1);
		encoding.writeVarUint(e, clientId);
		encoding.writeVarUint(e, clock);
		encoding.writeVarString(e, JSON.stringify({ probe }));
	});
	return frame((e) => {
		encoding.writeVarUint(e, 1);
		encoding.writeVarUint8Array(e, update);
	});
}
