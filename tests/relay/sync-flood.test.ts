/**
 * Memory is bounded by what the server chooses, not by what a client asks
 * (API.md "Memory"): a socket that stops reading and keeps sending sync step 1
 * against a big document gets at most one full-state reply queued, then is
 * closed with 1013, and the process does not grow by a copy per request.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closed, createInitiative, rawSocket, useRelayServer, withDb } from './helpers';
import { syncFrame } from './raw-client';

const MiB = 1024 * 1024;
const DOC_BYTES = 4 * MiB;
const REQUESTS = 200;
/** Loose: one queued reply (4 MiB) plus the document loaded (~4 MiB × a few); without the limit it is REQUESTS × 4 MiB. */
const GROWTH_BOUND = 96 * MiB;

const relay = useRelayServer(['alice']);
const { alice } = relay.members;

function rss(): number {
	const status = readFileSync(`/proc/${relay.server.process.pid}/status`, 'utf8');
	return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? NaN) * 1024;
}

describe('a socket that does not read', () => {
	it(`asking ${REQUESTS}× for a 4 MiB document while paused is closed with 1013, RSS grows < ${GROWTH_BOUND / MiB} MiB`, async () => {
		const docId = createInitiative(relay.server, alice);
		const doc = new Y.Doc();
		// Few large strings: 4 MiB encoded, little heap.
		for (let i = 0; i < 64; i++) doc.getArray('tasks').push(['x'.repeat(DOC_BYTES / 64)]);
		withDb(relay.server.dataDir, (sqlite) =>
			sqlite.prepare('INSERT INTO doc_snapshots (doc_id, state, seq, updated_at) VALUES (?, ?, 0, ?)').run(docId, Y.encodeStateAsUpdate(doc), Date.now())
		);
		const before = rss();
		const ws = await rawSocket(relay.server.wsUrl, docId, alice.cookie);
		const code = closed(ws);
		// Stop reading: the kernel buffers fill, then the server's.
		(ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
		const step1 = syncFrame(0, Y.encodeStateVector(new Y.Doc()));
		for (let i = 0; i < REQUESTS; i++) {
			ws.send(step1);
			if (i % 20 === 19) await new Promise((r) => setTimeout(r, 50));
		}
		await new Promise((r) => setTimeout(r, 500));
		const grown = rss() - before;
		console.info(`sync flood: RSS grew by ${(grown / MiB).toFixed(1)} MiB`);
		(ws as unknown as { _socket: { resume(): void } })._socket.resume();
		expect(await code).toBe(1013);
		expect(grown).toBeLessThan(GROWTH_BOUND);
	});
});
