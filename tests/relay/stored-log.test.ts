/**
 * A live document's stored log stays near its encoded state: a note rewritten
 * in place 120 times (≈ 240 kB of updates, ≈ 2 kB of state) must not leave
 * more than 64 kB of log, or more than twice the state, while it is open.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createInitiative, synced, useRelayServer, waitFor, withDb } from './helpers';

const relay = useRelayServer(['alice', 'bob']);

describe('stored log of a live document', () => {
	it('is compacted once it passes 64 kB and outweighs the state', async () => {
		const { alice, bob } = relay.members;
		const docId = createInitiative(relay.server, alice, [bob]);
		const writer = relay.client(docId, alice);
		const reader = relay.client(docId, bob);
		// Connected first, so each rewrite travels as its own update.
		await Promise.all([synced(writer), synced(reader)]);
		// One task of the shape (the relay refuses roots and types outside it), its title rewritten in place.
		const task = new Y.Map<unknown>();
		writer.doc.transact(() => {
			writer.doc.getArray('tasks').push([task]);
			task.set('id', 'draft-task');
			task.set('done', false);
			task.set('createdBy', alice.id);
			task.set('createdAt', Date.now());
			task.set('title', 'début');
		});
		const title = () => (reader.doc.getArray<Y.Map<unknown>>('tasks').get(0)?.get('title') as string | undefined) ?? '';
		for (let n = 0; n < 120; n++) task.set('title', `${n} `.padEnd(2048, 'x'));
		// Once bob has the last rewrite, every update is committed (commit before broadcast).
		await waitFor(() => title().startsWith('119 '), 'last rewrite relayed', 30_000);
		const state = Y.encodeStateAsUpdate(writer.doc).byteLength;
		const deadline = Date.now() + 20_000;
		let logBytes = Infinity;
		// The merge runs on a worker thread: wait for it, bounded.
		while (Date.now() < deadline) {
			logBytes = withDb(relay.server.dataDir, (sqlite) =>
				(sqlite.prepare('SELECT coalesce(sum(length("update")), 0) AS n FROM doc_updates WHERE doc_id = ?').get(docId) as { n: number }).n
			);
			if (logBytes <= 64 * 1024 || logBytes <= 2 * state) break;
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(logBytes <= 64 * 1024 || logBytes <= 2 * state, `log ${logBytes} B vs state ${state} B`).toBe(true);
	});
});
