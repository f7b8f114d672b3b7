import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHistoryWatcher, historyReader, DAY_MS } from './doc-history';
import { PART_BYTES } from './parts';
import { memoryDocDb } from './spec-doc-db';

/** A document with something in it, watched for its history; `stored` is what the store holds. */
function watched(stored: Uint8Array) {
	const sqlite = memoryDocDb();
	const watch = createHistoryWatcher(sqlite, { storedState: async () => stored }, { intervalMs: DAY_MS, keepMs: 30 * DAY_MS });
	const doc = new Y.Doc();
	doc.getText('notes').insert(0, 'avant');
	watch('doc1', 'initiative', doc);
	const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
	return { sqlite, doc, count };
}

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 251);
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('the daily history', () => {
	it('writes a big snapshot a part per turn, lists it only once whole, and reads it back whole', async () => {
		const state = bytes(2 * PART_BYTES + 1000);
		const { sqlite, doc, count } = watched(state);
		doc.getText('notes').insert(0, 'le premier changement du jour ');
		await Promise.resolve();
		await Promise.resolve();
		// The first part is written, and nothing is listed yet.
		expect([count('doc_history_parts'), count('doc_history')]).toEqual([1, 0]);
		await nextTurn();
		expect([count('doc_history_parts'), count('doc_history')]).toEqual([2, 0]);
		while (count('doc_history') === 0) await nextTurn();
		const row = sqlite.prepare('SELECT taken_at AS takenAt, bytes, parts, length(state) AS inline FROM doc_history').get() as {
			takenAt: number;
			bytes: number;
			parts: number;
			inline: number;
		};
		expect(row).toMatchObject({ bytes: state.byteLength, parts: 3, inline: 0 });
		expect(Buffer.from(historyReader(sqlite)('doc1', row.takenAt)!).equals(Buffer.from(state))).toBe(true);
	});

	it('keeps a small snapshot in its row, and prunes old snapshots with their parts', async () => {
		const state = bytes(1000);
		const { sqlite, doc, count } = watched(state);
		const old = Date.now() - 31 * DAY_MS;
		sqlite.prepare('INSERT INTO doc_history (doc_id, taken_at, state, bytes, parts) VALUES (?, ?, ?, ?, ?)').run('doc1', old, new Uint8Array(0), 10, 1);
		sqlite.prepare('INSERT INTO doc_history_parts (doc_id, taken_at, part, bytes) VALUES (?, ?, ?, ?)').run('doc1', old, 0, bytes(10));
		doc.getText('notes').insert(0, 'changement ');
		while (count('doc_history_parts') > 0) await nextTurn();
		const rows = sqlite.prepare('SELECT taken_at AS takenAt, parts FROM doc_history').all() as { takenAt: number; parts: number }[];
		expect(rows).toHaveLength(1);
		expect(rows[0].parts).toBe(0);
		expect(Buffer.from(historyReader(sqlite)('doc1', rows[0].takenAt)!).equals(Buffer.from(state))).toBe(true);
		expect(historyReader(sqlite)('doc1', old)).toBeUndefined();
	});
});
