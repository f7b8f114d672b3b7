/**
 * The relay over the real SQLite store: a writer's update the document takes in
 * exactly is committed and relayed byte for byte as sent (as-sent.ts); any other
 * is committed and relayed as what the document took in. Real sockets, raw frames.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { peer, startSpecRelay, stopSpecRelay, updateFrame } from '$relay/spec-relay';
import { createSqliteDocStore } from '$store/doc-log';
import { memoryDocDb } from '$store/spec-doc-db';

afterEach(stopSpecRelay);

/** Two edits of one writer's notes, as the two updates its document emitted. */
function twoEdits(): [Uint8Array, Uint8Array] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	doc.getText('notes').insert(0, 'compost ');
	doc.getText('notes').insert(8, 'partagé');
	return [updates[0], updates[1]];
}

async function relayOverSqlite() {
	const sqlite = memoryDocDb();
	const url = await startSpecRelay(createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 }));
	const stored = () => (sqlite.prepare('SELECT "update" FROM doc_updates ORDER BY seq').all() as { update: Buffer }[]).map((row) => new Uint8Array(row.update));
	const writer = await peer(url, 'a');
	const reader = await peer(url, 'b');
	await reader.received('sync0');
	return { stored, writer, reader };
}

const notesOf = (updates: Uint8Array[]) => {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc.getText('notes').toString();
};

describe('a writer update, as sent', () => {
	it('is committed and relayed byte for byte when the document takes in exactly it', async () => {
		const { stored, writer, reader } = await relayOverSqlite();
		// Two structs that the document merges into one: encoded again, it would be another update.
		const sent = Y.mergeUpdates(twoEdits());
		expect(Y.decodeUpdate(sent).structs).toHaveLength(2);
		writer.ws.send(updateFrame(sent));
		await reader.received('sync2');
		expect(reader.updates).toEqual([sent]);
		expect(stored()).toEqual([sent]);
		expect(notesOf(stored())).toBe('compost partagé');
	});

	it('is committed and relayed as what was new when the document had part of it', async () => {
		const { stored, writer, reader } = await relayOverSqlite();
		const [first, second] = twoEdits();
		writer.ws.send(updateFrame(first));
		await reader.received('sync2');
		const both = Y.mergeUpdates([first, second]);
		writer.ws.send(updateFrame(both));
		await reader.received('sync2', 2);
		expect(reader.updates[0]).toEqual(first);
		expect(reader.updates[1]).not.toEqual(both);
		expect(stored()[1]).toEqual(reader.updates[1]);
		// Only the second edit's struct: the first one is not stored twice.
		expect(Y.decodeUpdate(stored()[1]).structs.map((s) => s.id.clock)).toEqual([8]);
		expect(notesOf(stored())).toBe('compost partagé');
	});

	it('that waited for an earlier one is committed and relayed with it once that one arrives', async () => {
		const { stored, writer, reader } = await relayOverSqlite();
		const [first, second] = twoEdits();
		writer.ws.send(updateFrame(second));
		writer.ws.send(updateFrame(first));
		await reader.received('sync2');
		expect(stored()).toHaveLength(1);
		expect(notesOf(reader.updates)).toBe('compost partagé');
		expect(notesOf(stored())).toBe('compost partagé');
	});

	it('with bytes after its end is committed and relayed without them', async () => {
		const { stored, writer, reader } = await relayOverSqlite();
		const [first] = twoEdits();
		// Yjs reads an update up to its end and ignores what follows: 1 kB the writer hides there.
		const padded = new Uint8Array([...first, ...new Uint8Array(1024).fill(7)]);
		writer.ws.send(updateFrame(padded));
		await reader.received('sync2');
		expect(reader.updates).toEqual([first]);
		expect(stored()).toEqual([first]);
	});

	it('that is already known is neither committed nor relayed again', async () => {
		const { stored, writer, reader } = await relayOverSqlite();
		const [first, second] = twoEdits();
		writer.ws.send(updateFrame(first));
		await reader.received('sync2');
		writer.ws.send(updateFrame(first));
		writer.ws.send(updateFrame(second));
		await reader.received('sync2', 2);
		expect(stored()).toEqual([first, second]);
		expect(reader.updates).toEqual([first, second]);
	});
});
