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

/** A sync-protocol message: its step, then the payload as a length-prefixed byte array. */
function encodeSync(step: (typeof SyncStep)[keyof typeof SyncStep], payload: Uint8Array): Uint8Array {
	return encode((e) => {
		encoding.writeVarUint(e, MessageType.sync);
		encoding.writeVarUint(e, step);
		encoding.writeVarUint8Array(e, payload);
	});
}

/** Sync step 1: "here is my state vector, send me what I miss". */
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
