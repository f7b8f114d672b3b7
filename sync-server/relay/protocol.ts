/**
 * The y-websocket wire format: a varuint message type, then a sync or
 * awareness payload (y-protocols). Pure encode/decode, no state.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

/** One decoded client message. Throws on anything malformed. */
export type ClientMessage =
	| { kind: 'syncStep1'; stateVector: Uint8Array }
	| { kind: 'update'; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'queryAwareness' };

/** Decodes one binary frame; throws on unknown types and truncated payloads. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
	const decoder = decoding.createDecoder(data);
	const type = decoding.readVarUint(decoder);
	let message: ClientMessage;
	if (type === MessageType.sync) {
		const step = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (step === SyncStep.step1) message = { kind: 'syncStep1', stateVector: payload };
		else if (step === SyncStep.step2 || step === SyncStep.update) message = { kind: 'update', update: payload };
		else throw new Error(`unknown sync step ${step}`);
	} else if (type === MessageType.awareness) {
		message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
	} else if (type === MessageType.queryAwareness) {
		message = { kind: 'queryAwareness' };
	} else {
		throw new Error(`unknown message type ${type}`);
	}
	return message;
}

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** Bytes of `n` as a lib0 varuint. */
function varUintLength(n: number): number {
	let length = 1;
	for (; n > 0x7f; length++) n = Math.floor(n / 128);
	return length;
}

/** Writes `n` as a lib0 varuint at `at`; returns where it ends. */
function writeVarUintAt(bytes: Uint8Array, at: number, n: number): number {
	for (; n > 0x7f; n = Math.floor(n / 128)) bytes[at++] = 0x80 | (n & 0x7f);
	bytes[at++] = n;
	return at;
}

/**
 * A sync message, allocated once at its size: the payload (an update: up to 1 MB) is
 * copied once, where an Encoder copies it in and then out again. Same bytes as lib0's.
 */
function encodeSync(step: (typeof SyncStep)[keyof typeof SyncStep], payload: Uint8Array): Uint8Array {
	const head = varUintLength(MessageType.sync) + varUintLength(step) + varUintLength(payload.byteLength);
	const bytes = new Uint8Array(head + payload.byteLength);
	writeVarUintAt(bytes, writeVarUintAt(bytes, writeVarUintAt(bytes, 0, MessageType.sync), step), payload.byteLength);
	bytes.set(payload, head);
	return bytes;
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array => encodeSync(SyncStep.step1, stateVector);

/** Sync step 2: the update answering a peer's step 1. */
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => encodeSync(SyncStep.step2, update);

/** A live document update. */
export const encodeUpdate = (update: Uint8Array): Uint8Array => encodeSync(SyncStep.update, update);

/** An awareness (presence) update. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
	return encode((e) => {
		encoding.writeVarUint(e, MessageType.awareness);
		encoding.writeVarUint8Array(e, update);
	});
}
