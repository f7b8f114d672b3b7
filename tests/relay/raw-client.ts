/**
 * A hand-rolled y-websocket client over a raw socket, for the attacks a stock
 * client would never send: it keeps its own copy of the document in sync with
 * what the relay sends and can send any update or presence frame.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { rawSocket, waitFor } from './helpers';

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
}

/** A sync frame (0) of `step` (0: step 1, 1: step 2, 2: update) carrying `payload`. */
export function syncFrame(step: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
	return frame((e) => {
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, step);
		encoding.writeVarUint8Array(e, payload);
	});
}

/** An awareness frame (1) with raw entries: client id, clock and JSON state. */
export function presenceFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
	return frame((e) => {
		encoding.writeVarUint(e, 1);
		const inner = encoding.createEncoder();
		encoding.writeVarUint(inner, entries.length);
		for (const entry of entries) {
			encoding.writeVarUint(inner, entry.clientId);
			encoding.writeVarUint(inner, entry.clock);
			encoding.writeVarString(inner, JSON.stringify(entry.state));
		}
		encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
	});
}

export interface RawClient {
	ws: WebSocket;
	/** The client's own copy, fed by everything the relay sends. */
	doc: Y.Doc;
	/** Whether the relay's answer to our sync step 1 arrived. */
	synced(): Promise<void>;
	/** Resolves once the relay answered a new sync step 1: it has handled everything sent before. */
	roundTrip(): Promise<void>;
	/** Changes the local copy with `edit` and sends exactly that change as one update. */
	edit(edit: (doc: Y.Doc) => void): void;
	close(): void;
}

/** Opens a raw socket as the holder of `cookie` and syncs a local copy of `docId`. */
export async function rawClient(wsUrl: string, docId: string, cookie: string): Promise<RawClient> {
	const ws = await rawSocket(wsUrl, docId, cookie);
	const doc = new Y.Doc();
	let step2s = 0;
	ws.on('message', (data: Buffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(data));
		if (decoding.readVarUint(decoder) !== 0) return;
		const step = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (step === 0) ws.send(syncFrame(1, Y.encodeStateAsUpdate(doc, payload)));
		else {
			Y.applyUpdate(doc, payload, 'relay');
			if (step === 1) step2s++;
		}
	});
	ws.send(syncFrame(0, Y.encodeStateVector(doc)));
	return {
		ws,
		doc,
		synced: () => waitFor(() => step2s > 0, 'raw client synced'),
		async roundTrip() {
			const seen = step2s;
			ws.send(syncFrame(0, Y.encodeStateVector(doc)));
			await waitFor(() => step2s > seen, 'sync round trip');
		},
		edit(edit) {
			const before = Y.encodeStateVector(doc);
			edit(doc);
			ws.send(syncFrame(2, Y.encodeStateAsUpdate(doc, before)));
		},
		close() {
			ws.close();
			doc.destroy();
		}
	};
}
