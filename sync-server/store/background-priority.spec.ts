import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BACKGROUND_NICE } from './background-priority';
import { mergeOffThread, stopMergeWorker } from './merge-worker';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

/** Each thread of this process by id, with its nice value (/proc/self/task/<id>/stat, field 19). */
function niceByThread(): Map<number, number> {
	const nices = new Map<number, number>();
	for (const id of readdirSync('/proc/self/task')) {
		const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
		// Fields after the command name (which may hold spaces), from field 3 on.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		nices.set(Number(id), Number(fields[19 - 3]));
	}
	return nices;
}

const lowered = () => [...niceByThread().values()].filter((nice) => nice === BACKGROUND_NICE).length;

let dir: string | undefined;
let checkpointer: WalCheckpointer | null = null;
afterEach(async () => {
	await checkpointer?.stop();
	checkpointer = null;
	await stopMergeWorker();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('background threads yield the CPU to the relay', () => {
	it('the merge worker runs at the background priority; the relay thread keeps its own', async () => {
		expect(lowered()).toBe(0);
		const doc = new Y.Doc();
		doc.getArray('tasks').push(['a task']);
		const merged = await mergeOffThread([Y.encodeStateAsUpdate(doc)]);
		expect(merged.byteLength).toBeGreaterThan(0);
		expect(lowered()).toBe(1);
		expect(niceByThread().get(process.pid)).toBe(0);
	});

	it('the WAL checkpointer runs at the background priority', async () => {
		dir = mkdtempSync(join(tmpdir(), 'kohero-nice-'));
		const sqlite = new Database(join(dir, 'kohero.db'));
		sqlite.pragma('journal_mode = WAL');
		expect(lowered()).toBe(0);
		checkpointer = startWalCheckpointer(sqlite, 60_000);
		await checkpointer!.now();
		expect(lowered()).toBe(1);
		await checkpointer!.stop();
		checkpointer = null;
		sqlite.close();
	});
});
