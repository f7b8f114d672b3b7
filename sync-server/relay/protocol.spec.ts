import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { decodeClientMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol';

/** The message as y-protocols writes it, through a lib0 Encoder. */
function lib0Sync(step: number, payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, step);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

/** Byte equality (toEqual walks multi-MB arrays element by element). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

describe('sync messages', () => {
	// Lengths around each varuint boundary, up to MAX_MESSAGE_BYTES.
	it.each([0, 1, 127, 128, 16383, 16384, 2097151, 2097152, 1024 * 1024])('are lib0’s bytes for a %i-byte payload', (size) => {
		const payload = Uint8Array.from({ length: size }, (_, i) => (i * 31) & 0xff);
		expect(same(encodeSyncStep1(payload), lib0Sync(0, payload))).toBe(true);
		expect(same(encodeSyncStep2(payload), lib0Sync(1, payload))).toBe(true);
		expect(same(encodeUpdate(payload), lib0Sync(2, payload))).toBe(true);
		const decoded = decodeClientMessage(encodeUpdate(payload));
		expect(decoded.kind === 'update' && same(decoded.update, payload)).toBe(true);
	});
});
