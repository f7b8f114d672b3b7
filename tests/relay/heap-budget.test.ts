/**
 * Loaded documents' heap is bounded by a budget (API.md "Memory"): past it,
 * idle documents are unloaded and a connection that would load one more is
 * closed with 1013, until room is made.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodeOf, createInitiative, synced, useRelayServer, waitFor, withDb } from './helpers';

const relay = useRelayServer(['alice'], { env: { KOHERO_DOC_HEAP_BUDGET_BYTES: String(2 * 1024 * 1024) } });
const { alice } = relay.members;

describe('document heap budget', () => {
	it('a document that would pass the budget is refused with 1013 while another fills it, then loads', async () => {
		const big = createInitiative(relay.server, alice);
		const doc = new Y.Doc();
		// ~10,000 structs: well over the 2 MiB budget once loaded.
		doc.transact(() => {
			for (let i = 0; i < 10_000; i++) doc.getArray('tasks').insert(0, [i]);
		});
		withDb(relay.server.dataDir, (sqlite) =>
			sqlite.prepare('INSERT INTO doc_snapshots (doc_id, state, seq, updated_at) VALUES (?, ?, 0, ?)').run(big, Y.encodeStateAsUpdate(doc), Date.now())
		);
		const holder = relay.client(big, alice);
		await synced(holder);
		expect(holder.doc.getArray('tasks').length).toBe(10_000);

		const other = createInitiative(relay.server, alice);
		expect(await closeCodeOf(relay.server.wsUrl, other, alice.cookie)).toBe(1013);

		holder.provider.disconnect();
		// Once the big one is idle it leaves memory, and the other loads.
		const later = relay.client(other, alice);
		await waitFor(() => later.provider.synced, 'the other document loads once room is made', 20_000);
	});
});
