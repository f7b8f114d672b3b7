/**
 * A paced one-row commit of the update log two ways (store/doc-log.ts): inside BEGIN/COMMIT (better-sqlite3's
 * transaction, as a batch is committed) and as one statement alone (SQLite's autocommit, as a lone row is).
 * The store's own database (openStore: its pragmas and migrations), its append statement (LOG_SQL) and the
 * relay's WAL checkpointer; commits 5 ms apart, as a quiet relay's, the two ways alternating. Latency and
 * CPU (process.cpuUsage) per commit. Run: npx tsx bench/tools/lone-commit.ts (N=3000 commits each way).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore, openStore } from '$store/db';
import { LOG_SQL } from '$store/log-sql';
import { startWalCheckpointer } from '$store/wal-checkpointer';
import { percentile } from '../lib/spread';

const N = Number(process.env.N ?? 3000);
const DOCS = 50;
const GAP_MS = 5;

const dir = mkdtempSync(join(tmpdir(), 'kohero-lone-commit-'));
const { sqlite } = openStore(dir);
const checkpointer = startWalCheckpointer(sqlite);
const insert = sqlite.prepare(LOG_SQL.append);
const update = new Uint8Array(120).fill(7);
const nextSeq = new Array<number>(DOCS).fill(1);
// Bound as the store binds a row: doc_no, seq, seq again, update, author, time.
const appendRow = (docNo: number) => {
	const seq = nextSeq[docNo - 1]++;
	insert.run(docNo, seq, seq, update, 'bench-author', Date.now());
};
const ways = { transaction: sqlite.transaction(appendRow), alone: appendRow };
type Way = keyof typeof ways;
const latencyUs: Record<Way, number[]> = { transaction: [], alone: [] };
const cpuUs: Record<Way, number> = { transaction: 0, alone: 0 };

for (let i = 0; i < 2 * N; i++) {
	const way: Way = i % 2 === 0 ? 'transaction' : 'alone';
	await new Promise((resolve) => setTimeout(resolve, GAP_MS));
	const cpu = process.cpuUsage();
	const started = process.hrtime.bigint();
	ways[way](((i >> 1) % DOCS) + 1);
	latencyUs[way].push(Number(process.hrtime.bigint() - started) / 1000);
	const used = process.cpuUsage(cpu);
	cpuUs[way] += used.user + used.system;
}

for (const way of ['transaction', 'alone'] as const) {
	const sorted = latencyUs[way].sort((a, b) => a - b);
	const mean = sorted.reduce((sum, us) => sum + us, 0) / N;
	console.log(`${way}: p50 ${percentile(sorted, 50).toFixed(1)} µs, p90 ${percentile(sorted, 90).toFixed(1)} µs, mean ${mean.toFixed(1)} µs; CPU ${(cpuUs[way] / N).toFixed(1)} µs per commit`);
}
await checkpointer?.stop();
closeStore();
rmSync(dir, { recursive: true, force: true });
