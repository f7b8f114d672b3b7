/** Who may connect, read and write: API.md's close codes and read-only non-members. */
import { describe, expect, it } from 'vitest';
import {
	closeCodeOf, createInitiative, journalRows, processedBy, removeMember, say, storedDoc, synced, texts, useRelayServer, waitFor, withDb
} from './helpers';

const relay = useRelayServer(['alice', 'bob', 'eve']);
const { alice, bob, eve } = relay.members;
const client = relay.client;

describe('relay access', () => {
	it('closes with 4401 without a valid session', async () => {
		const docId = createInitiative(relay.server, alice);
		expect(await closeCodeOf(relay.server.wsUrl, docId)).toBe(4401);
		expect(await closeCodeOf(relay.server.wsUrl, docId, 'kohero_session=not-a-real-token')).toBe(4401);
	});

	it('closes with 4404 for unknown, malformed or oversized document ids', async () => {
		expect(await closeCodeOf(relay.server.wsUrl, 'inexistant-initiative', alice.cookie)).toBe(4404);
		expect(await closeCodeOf(relay.server.wsUrl, '..%2F..%2Fkohero.db', alice.cookie)).toBe(4404);
		expect(await closeCodeOf(relay.server.wsUrl, 'a'.repeat(65), alice.cookie)).toBe(4404);
		expect(await closeCodeOf(relay.server.wsUrl, 'abc', alice.cookie)).toBe(4404);
	});

	it("a non-member reads, but its updates are neither relayed nor stored", async () => {
		const docId = createInitiative(relay.server, alice, [bob]);
		const a = client(docId, alice);
		await synced(a);
		say(a.doc, alice.id, 'visible par tous');
		const e = client(docId, eve);
		const b = client(docId, bob);
		await waitFor(() => texts(e.doc).includes('visible par tous'), 'non-member reads');
		await synced(b);

		say(e.doc, eve.id, 'intrus');
		await processedBy(e, b);
		// A member's later message arriving proves the intruder's had its chance to arrive first.
		say(a.doc, alice.id, 'après');
		await waitFor(() => texts(b.doc).includes('après'), 'member message at bob');
		expect(texts(b.doc)).not.toContain('intrus');
		expect(texts(storedDoc(relay.server.dataDir, docId))).toEqual(['visible par tous', 'après']);
		const rows = withDb(relay.server.dataDir, (db) =>
			db.prepare('SELECT count(*) AS n FROM doc_updates WHERE author_id = ?').get(eve.id)
		) as { n: number };
		expect(rows.n).toBe(0);
		expect(journalRows(relay.server.dataDir, docId).filter((row) => row.authorId === eve.id)).toEqual([]);
	});

	it('a member who leaves loses write access on the open socket at once', async () => {
		const docId = createInitiative(relay.server, alice, [bob]);
		const a = client(docId, alice);
		const b = client(docId, bob);
		await Promise.all([synced(a), synced(b)]);
		say(b.doc, bob.id, 'encore membre');
		await waitFor(() => texts(a.doc).includes('encore membre'), 'member write');

		await removeMember(relay.server, docId, bob);
		say(b.doc, bob.id, 'parti');
		await processedBy(b, a);
		say(a.doc, alice.id, 'témoin');
		await waitFor(() => texts(b.doc).includes('témoin'), 'bob still reads');
		// Alice's marker was committed after bob's update would have been.
		expect(texts(a.doc)).not.toContain('parti');
		expect(texts(storedDoc(relay.server.dataDir, docId))).not.toContain('parti');
	});
});
