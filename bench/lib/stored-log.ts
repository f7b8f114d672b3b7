/**
 * Stored bytes of live documents: the update log (and snapshot) in SQLite
 * against the encoded state the observer holds. Read while the documents are
 * still loaded, so compaction at unload cannot hide a log that grew.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { updateFrame } from './task-updates';
import { appendParagraph } from './notes';

export interface StoredFigures {
	docs: number;
	/** Documents whose log is above 64 kB. */
	bigLogDocs: number;
	/** Largest log / encoded state among documents above 64 kB of log (0 when none). */
	worstRatio: number;
	maxLogBytes: number;
}

const BIG_LOG = 64 * 1024;

/** Compares each document's stored log with its encoded state. */
export function storedFigures(dataDir: string, stateBytes: Map<string, number>): StoredFigures {
	const sqlite = new Database(join(dataDir, 'kohero.db'), { readonly: true, fileMustExist: true });
	try {
		const logOf = sqlite.prepare<[string], { bytes: number | null }>(
			'SELECT sum(length("update")) AS bytes FROM doc_updates WHERE doc_id = ?'
		);
		let bigLogDocs = 0;
		let worstRatio = 0;
		let maxLogBytes = 0;
		for (const [docId, state] of stateBytes) {
			const log = logOf.get(docId)?.bytes ?? 0;
			maxLogBytes = Math.max(maxLogBytes, log);
			if (log <= BIG_LOG) continue;
			bigLogDocs++;
			worstRatio = Math.max(worstRatio, log / state);
		}
		return { docs: stateBytes.size, bigLogDocs, worstRatio: Math.round(worstRatio * 100) / 100, maxLogBytes };
	} finally {
		sqlite.close();
	}
}


/**
 * A document rewritten in place: one writer replaces the text of the same 2 kB
 * paragraph of the notes `count` times, so the log grows while the state does not. Returns the stored
 * log against the encoded state once every update was relayed, doc still open.
 */
export async function churn(wsUrl: string, docId: string, cookie: string, dataDir: string, count = 400): Promise<StoredFigures & { stateBytes: number; logBytes: number }> {
	const source = new Y.Doc();
	const frames: Uint8Array[] = [];
	source.on('update', (u: Uint8Array) => frames.push(updateFrame(u)));
	const draft = appendParagraph(source);
	for (let n = 0; n < count; n++) {
		source.transact(() => {
			draft.delete(0, draft.length);
			draft.insert(0, `${n} `.padEnd(2048, 'x'));
		});
	}
	const connect = () =>
		new Promise<WebSocket>((resolve, reject) => {
			const ws = new WebSocket(`${wsUrl}/sync/${docId}`, { headers: { cookie } });
			ws.once('open', () => resolve(ws));
			ws.once('error', reject);
		});
	const [writer, observer] = [await connect(), await connect()];
	let seen = 0;
	observer.on('message', (data: Buffer) => {
		const d = decoding.createDecoder(new Uint8Array(data));
		if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 2) seen++;
	});
	for (const frame of frames) writer.send(frame);
	const deadline = Date.now() + 60_000;
	while (seen < frames.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
	// Let a compaction triggered by the last appends finish.
	await new Promise((r) => setTimeout(r, 1000));
	const stateBytes = Y.encodeStateAsUpdate(source).byteLength;
	const figures = storedFigures(dataDir, new Map([[docId, stateBytes]]));
	writer.terminate();
	observer.terminate();
	return { ...figures, stateBytes, logBytes: figures.maxLogBytes };
}
