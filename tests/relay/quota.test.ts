/**
 * No one can block a workspace (API.md "Quotas"): one person's additions to a
 * document are capped per 24 h (close 1009 for them, others keep writing), and
 * a full document still accepts deletions so its owners can make room.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closed, createInitiative, say, synced, texts, useRelayServer, waitFor, withDb } from './helpers';
import { rawClient } from './raw-client';

const QUOTA = 64 * 1024;
const MAX_DOC = 256 * 1024;
const relay = useRelayServer(['alice', 'bob'], {
	env: { DOC_WRITE_QUOTA_BYTES: String(QUOTA), KOHERO_MAX_DOC_BYTES: String(MAX_DOC) }
});
const { alice, bob } = relay.members;

/** Stores `update` as the document's snapshot, as if it had grown over time. */
function seed(docId: string, update: Uint8Array): void {
	withDb(relay.server.dataDir, (sqlite) =>
		sqlite.prepare('INSERT INTO doc_snapshots (doc_id, state, seq, updated_at) VALUES (?, ?, 0, ?)').run(docId, update, Date.now())
	);
}

describe('write quota and full documents', () => {
	it(`bob adding more than ${QUOTA / 1024} KiB in a day is closed with 1009; alice keeps writing`, async () => {
		const docId = createInitiative(relay.server, alice, [bob]);
		const a = relay.client(docId, alice);
		await synced(a);
		const b = await rawClient(relay.server.wsUrl, docId, bob.cookie);
		await b.synced();
		const code = closed(b.ws);
		let open = true;
		void code.then(() => (open = false));
		for (let i = 0; i < 5 && open; i++) {
			b.edit((d) => d.getArray('tasks').push(['x'.repeat(20 * 1024)]));
			await Promise.race([b.roundTrip(), code]);
		}
		expect(await code).toBe(1009);
		// What bob added within his quota arrived; alice still writes.
		await waitFor(() => a.doc.getArray('tasks').length === 3, 'bob’s first three tasks');
		say(a.doc, alice.id, 'toujours là');
		const other = relay.client(docId, bob);
		await synced(other);
		await waitFor(() => texts(other.doc).includes('toujours là'), 'alice’s message after bob’s quota');
	});

	it('a full document refuses additions (1009) but accepts the owner’s deletions', async () => {
		const docId = createInitiative(relay.server, alice, [bob]);
		const full = new Y.Doc();
		full.getArray('tasks').push(['y'.repeat(MAX_DOC - 1024)]);
		seed(docId, Y.encodeStateAsUpdate(full));
		const viewer = relay.client(docId, bob);
		await synced(viewer);
		expect(viewer.doc.getArray('tasks').length).toBe(1);

		const adder = await rawClient(relay.server.wsUrl, docId, alice.cookie);
		await adder.synced();
		const code = closed(adder.ws);
		adder.edit((d) => d.getArray('tasks').push(['z'.repeat(4 * 1024)]));
		expect(await code).toBe(1009);

		const owner = await rawClient(relay.server.wsUrl, docId, alice.cookie);
		await owner.synced();
		owner.edit((d) => d.getArray('tasks').delete(0, 1));
		await waitFor(() => viewer.doc.getArray('tasks').length === 0, 'the deletion reaches bob');
		expect(owner.ws.readyState).toBe(owner.ws.OPEN);
		// With room made, writing works again.
		owner.edit((d) => say(d, alice.id, 'de la place'));
		await waitFor(() => texts(viewer.doc).includes('de la place'), 'a new message after the clean-up');
	});
});
