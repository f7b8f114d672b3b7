import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JournalStage, STAGE_LIMITS } from './journal-stage';
import { openUpdateJournal, type JournalRow, type UpdateJournal } from './update-journal';

const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const row = (seq: number): JournalRow => ({ docId: 'doc', seq, update: new Uint8Array([seq % 256]), authorId: 'user1', createdAt: 1 });
const seqsOf = (batches: JournalRow[][]) => batches.map((rows) => rows.map((r) => r.seq));

describe('journal stage', () => {
	let dir = '';
	let journal: UpdateJournal | null = null;
	afterEach(() => {
		journal?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	/** A stage at the production limits over a real journal; `batches` receives each call SQLite would get. */
	function stage(store: (rows: JournalRow[]) => void = () => undefined) {
		dir = mkdtempSync(join(tmpdir(), 'kohero-stage-'));
		journal = openUpdateJournal(join(dir, 'j.updates'));
		const batches: JournalRow[][] = [];
		const staged = new JournalStage(journal, (rows) => {
			store(rows);
			batches.push([...rows]);
		});
		return { staged, batches };
	}

	it('SQLite takes the quiet commits of a quarter second in one transaction, not one per turn', async () => {
		const { staged, batches } = stage();
		for (let seq = 1; seq <= 3; seq++) {
			staged.commit([row(seq)]);
			await endOfTurn();
		}
		expect(batches).toEqual([]);
		await vi.waitFor(() => expect(seqsOf(batches)).toEqual([[1, 2, 3]]), { timeout: 5000, interval: 20 });
		expect(STAGE_LIMITS.storeAfterMs).toBe(250);
	});

	it('once storeFromRows rows are staged, SQLite takes them at the end of that turn', async () => {
		const { staged, batches } = stage();
		const rows = Array.from({ length: STAGE_LIMITS.storeFromRows }, (_, i) => row(i + 1));
		staged.commit(rows.slice(0, -1));
		staged.commit(rows.slice(-1));
		expect(batches).toEqual([]);
		await endOfTurn();
		expect(seqsOf(batches)).toEqual([rows.map((r) => r.seq)]);
	});

	it('once storeFromBytes of updates are staged, SQLite takes them at the end of that turn, however few the rows', async () => {
		const { staged, batches } = stage();
		const big = (seq: number): JournalRow => ({ ...row(seq), update: new Uint8Array(STAGE_LIMITS.storeFromBytes / 4) });
		for (let seq = 1; seq <= 3; seq++) staged.commit([big(seq)]);
		await endOfTurn();
		expect(batches).toEqual([]);
		staged.commit([big(4)]);
		await endOfTurn();
		expect(seqsOf(batches)).toEqual([[1, 2, 3, 4]]);
	});

	it('rows committed straight to SQLite go after the staged ones, in the same call; a refusal keeps the staged rows', () => {
		let refuse = true;
		const { staged, batches } = stage(() => {
			if (refuse) throw new Error('disque plein');
		});
		staged.commit([row(1), row(2)]);
		expect(() => staged.storeNow([row(3)])).toThrow('disque plein');
		refuse = false;
		staged.storeNow([row(4)]);
		expect(seqsOf(batches)).toEqual([[1, 2, 4]]);
	});
});
