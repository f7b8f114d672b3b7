/**
 * Updates whose dependencies never arrive are kept by Yjs as "pending" in the
 * relay's copy of the document — not stored, not relayed, but in memory. They
 * must count against the document limit, or one member could grow the
 * process without bound by streaming them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../helpers/server';
import { closed, connectClient, rawSocket, say, texts, waitFor } from '../relay/helpers';
import { setupMembers } from './fleet';

const LIMIT = 256 * 1024;
let server: TestServer;
afterAll(async () => {
	await server?.dispose();
});

/** A valid 64 KiB update that builds on content the server never saw. */
function danglingUpdateFrame(): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('notes').insert(0, 'début');
	const before = Y.encodeStateVector(doc);
	doc.getText('notes').insert(2, 'x'.repeat(64 * 1024));
	const update = Y.encodeStateAsUpdate(doc, before);
	doc.destroy();
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 0);
	encoding.writeVarUint(e, 2);
	encoding.writeVarUint8Array(e, update);
	return encoding.toUint8Array(e);
}

describe('updates with missing dependencies', () => {
	it('count against the document limit: the sender is closed with 1009, others keep syncing', async () => {
		server = await startServer({ env: { KOHERO_MAX_DOC_BYTES: String(LIMIT) } });
		const { members, docIds } = await setupMembers(server, 3, 1);
		const [docId] = docIds;
		const a = connectClient(server.wsUrl, docId, members[0].cookie);
		const b = connectClient(server.wsUrl, docId, members[1].cookie);
		await waitFor(() => a.provider.synced && b.provider.synced, 'pair synced');

		const attacker = await rawSocket(server.wsUrl, docId, members[2].cookie);
		const code = closed(attacker);
		// Four times the document limit, none of it ever storable.
		for (let i = 0; i < 16 && attacker.readyState === attacker.OPEN; i++) {
			attacker.send(danglingUpdateFrame());
			await new Promise((r) => setTimeout(r, 10));
		}
		const outcome = await Promise.race([code, new Promise<string>((r) => setTimeout(() => r('still open'), 3000))]);
		expect(outcome).toBe(1009);

		say(a.doc, members[0].id, 'toujours là');
		await waitFor(() => texts(b.doc).includes('toujours là'), 'pair still syncing');
		a.destroy();
		b.destroy();
	});
});
