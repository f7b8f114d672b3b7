/**
 * The limits at their production values, nothing lowered: a document grows to
 * API.md's 20 MiB and no further (1009 for the writer that would pass it), the
 * log compacts at the default thresholds (500 updates / 256 KiB), and a
 * restart reads the full document back. (The production heartbeat is covered
 * by tests/relay/presence-removal.test.ts, which runs without KOHERO_PING_MS.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import { startServer, type TestServer } from '../helpers/server';
import { connectClient, rawSocket, say, storedDoc, synced, texts, waitFor, withDb } from '../relay/helpers';
import { setupMembers } from './fleet';

const MAX_DOC_BYTES = 20 * 1024 * 1024;
const BIG_MESSAGE = 900 * 1024;
let server: TestServer | undefined;
afterAll(async () => {
	await server?.dispose();
});

function updateFrame(update: Uint8Array): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 0);
	encoding.writeVarUint(e, 2);
	encoding.writeVarUint8Array(e, update);
	return encoding.toUint8Array(e);
}

const logRows = (dataDir: string, docId: string) =>
	withDb(dataDir, (sqlite) => {
		const updates = (sqlite.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(docId) as { n: number }).n;
		const snapshot = sqlite.prepare('SELECT 1 FROM doc_snapshots WHERE doc_id = ?').get(docId) !== undefined;
		return { updates, snapshot };
	});

describe('production limits', () => {
	it('compacts at 500 updates, stops a document at 20 MiB, and restarts with all of it', async () => {
		server = await startServer();
		// Several writers: no one person has to write 20 MiB alone.
		const { members, docIds } = await setupMembers(server, 8, 1);
		const [docId] = docIds;
		const reader = connectClient(server.wsUrl, docId, members[0].cookie);
		await synced(reader);

		// 520 small updates (≈ 50 kB in all): only the 500-update threshold can compact them.
		const small = connectClient(server.wsUrl, docId, members[1].cookie);
		await synced(small);
		for (let i = 0; i < 520; i++) say(small.doc, members[1].id, `petit ${i}`);
		await waitFor(() => texts(reader.doc).length === 520, 'small updates relayed', 30_000);
		await waitFor(() => {
			const rows = logRows(server!.dataDir, docId);
			return rows.snapshot && rows.updates < 500;
		}, 'log compacted at 500 updates', 30_000);
		small.destroy();

		// Big messages from raw sockets until the relay refuses one with 1009.
		let accepted = 520;
		let refusedBy = -1;
		for (let w = 2; w < members.length && refusedBy < 0; w++) {
			const ws: WebSocket = await rawSocket(server.wsUrl, docId, members[w].cookie);
			const code = new Promise<number>((resolve) => ws.once('close', (c) => resolve(c)));
			const local = new Y.Doc();
			for (let k = 0; k < 4 && refusedBy < 0; k++) {
				const before = Y.encodeStateVector(local);
				say(local, members[w].id, `${w}-${k} ${'x'.repeat(BIG_MESSAGE)}`);
				ws.send(updateFrame(Y.encodeStateAsUpdate(local, before)));
				const outcome = await Promise.race([
					waitFor(() => texts(reader.doc).length === accepted + 1, 'big message relayed', 60_000).then(() => 'stored'),
					code.then((c) => `closed ${c}`)
				]);
				if (outcome === 'stored') accepted++;
				else {
					expect(outcome).toBe('closed 1009');
					refusedBy = w;
				}
			}
			local.destroy();
			ws.close();
		}
		expect(refusedBy, 'a writer was refused at the limit').toBeGreaterThan(0);
		const size = Y.encodeStateAsUpdate(reader.doc).byteLength;
		expect(size).toBeLessThanOrEqual(MAX_DOC_BYTES);
		expect(size).toBeGreaterThan(MAX_DOC_BYTES - 2 * BIG_MESSAGE);
		reader.destroy();

		// A restart reads every accepted message back, from a compacted log.
		await server.stop();
		expect(texts(storedDoc(server.dataDir, docId)).length).toBe(accepted);
		expect(logRows(server.dataDir, docId).snapshot).toBe(true);
		const dataDir = server.dataDir;
		server = await startServer({ dataDir });
		const again = connectClient(server.wsUrl, docId, members[0].cookie);
		await synced(again);
		await waitFor(() => texts(again.doc).length === accepted, 'full document after restart', 60_000);
		again.destroy();
	}, 240_000);
});
