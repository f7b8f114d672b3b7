// Paced one-row commits of the update log, 5 ms apart, alternating in one process: inside BEGIN/COMMIT
// (better-sqlite3's transaction) against one statement alone (SQLite's autocommit). Latency and CPU per commit.
// Usage: node bench/tools/lone-commit.mjs (N=3000 commits of each). Writes /tmp/ac.db.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
const f = '/tmp/ac.db'; for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true });
const db = new Database(f);
db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); db.pragma('temp_store = MEMORY'); db.pragma('mmap_size = ' + 2 ** 30);
db.exec('CREATE TABLE doc_log (log_key integer PRIMARY KEY, seq integer, "update" blob NOT NULL, author_id text, created_at integer NOT NULL)');
const ins = db.prepare('INSERT INTO doc_log VALUES ((? << 32) + ?, ?, ?, ?, ?)');
const row = (d, s, u) => ins.run(d, s, s, u, 'user-abcdef', Date.now());
const ways = { tx: db.transaction(row), auto: row };
const u = Buffer.alloc(120, 7);
const seqs = new Array(50).fill(0);
const N = Number(process.env.N ?? 3000);
const lat = { tx: [], auto: [] }; const cpu = { tx: 0, auto: 0 };
let i = 0;
function step() {
  const name = i % 2 ? 'auto' : 'tx'; const d = (i >> 1) % 50;
  const c = process.cpuUsage(); const t = process.hrtime.bigint();
  ways[name](d + 1, ++seqs[d], u);
  lat[name].push(Number(process.hrtime.bigint() - t) / 1000);
  const cu = process.cpuUsage(c); cpu[name] += cu.user + cu.system;
  if (i % 1000 === 999) db.pragma('wal_checkpoint(PASSIVE)');
  if (++i < 2 * N) setTimeout(step, 5); else for (const k of ['tx', 'auto']) { const l = lat[k].sort((a, b) => a - b); console.log(k, 'p50', l[N >> 1].toFixed(1), 'p90', l[Math.floor(N * .9)].toFixed(1), 'mean', (l.reduce((a, b) => a + b) / N).toFixed(1), 'µs; cpu/op', (cpu[k] / N).toFixed(1), 'µs'); }
}
step();
