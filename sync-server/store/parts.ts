/**
 * Big blobs written a part per turn of the loop: this disk takes a row at ~7 ms of
 * the writing thread per MB (bench/RESULTS.md, turn 9), so a multi-MB state written
 * in one statement holds the relay's loop for tens of ms. Used by the documents'
 * snapshots (snapshots.ts) and their daily history (doc-history.ts); each keeps
 * its parts in its own table and points at them from its row once all are written.
 */

/** States above this many bytes are written in parts of this size. */
export const PART_BYTES = 256 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Hands `state` to `writePart` a PART_BYTES part at a time, in order, one per turn
 * of the loop (each write its own commit); resolves with the number of parts.
 */
export async function writeInParts(state: Uint8Array, writePart: (part: number, bytes: Uint8Array) => void): Promise<number> {
	const parts = Math.ceil(state.byteLength / PART_BYTES);
	for (let part = 0; part < parts; part++) {
		writePart(part, state.subarray(part * PART_BYTES, (part + 1) * PART_BYTES));
		await nextTurn();
	}
	return parts;
}

/** A state read back from its parts' rows (in part order). */
export function joinParts(rows: readonly { bytes: Uint8Array }[]): Uint8Array {
	return Buffer.concat(rows.map((row) => row.bytes));
}
