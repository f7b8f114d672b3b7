// node bench/tools/log-layouts.mjs [layout,...]: the update log's table layouts side by side, in one process,
// rounds alternating: 50 documents × 1300 rows of 120 B appended in 50-row commits (one row per document, as a
// saturated relay's group commits), then 5000 one-row commits (a paced relay's), then a prune of 1000 rows in
// 10 documents (a compaction's). Prints CPU per row, CPU per one-row commit, the prune's p50 — the figures behind
// drizzle/0015 and 0016 (bench/RESULTS.md, turn 13). WAL, synchronous = NORMAL, files in /tmp.
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';

const COLUMNS = '"update" blob NOT NULL, author_id text, created_at integer NOT NULL';
const layouts = {
	// Before 0015: rows in arrival order, a unique index on (doc_id, seq).
	arrival: {
		ddl: `CREATE TABLE u (id integer PRIMARY KEY, doc_id text NOT NULL, seq integer NOT NULL, ${COLUMNS}); CREATE UNIQUE INDEX ui ON u (doc_id, seq)`,
		insert: 'INSERT INTO u (doc_id, seq, "update", author_id, created_at) VALUES (?, ?, ?, ?, ?)',
		key: (doc) => [doc.id],
		prune: 'DELETE FROM u WHERE doc_id = ? AND seq <= ?'
	},
	// 0015: clustered on (doc_id, seq).
	textKey: {
		ddl: `CREATE TABLE u (doc_id text NOT NULL, seq integer NOT NULL, ${COLUMNS}, PRIMARY KEY (doc_id, seq)) WITHOUT ROWID`,
		insert: 'INSERT INTO u VALUES (?, ?, ?, ?, ?)',
		key: (doc) => [doc.id],
		prune: 'DELETE FROM u WHERE doc_id = ? AND seq <= ?'
	},
	// Not adopted: clustered on (doc_no, seq), integers.
	integerPair: {
		ddl: `CREATE TABLE u (doc_no integer NOT NULL, seq integer NOT NULL, ${COLUMNS}, PRIMARY KEY (doc_no, seq)) WITHOUT ROWID`,
		insert: 'INSERT INTO u VALUES (?, ?, ?, ?, ?)',
		key: (doc) => [doc.no],
		prune: 'DELETE FROM u WHERE doc_no = ? AND seq <= ?'
	},
	// 0016: one integer key, doc_no × 2³² + seq, the rowid.
	integerKey: {
		ddl: `CREATE TABLE u (log_key integer PRIMARY KEY, seq integer NOT NULL, ${COLUMNS})`,
		insert: 'INSERT INTO u VALUES ((? << 32) + ?, ?, ?, ?, ?)',
		key: (doc, seq) => [doc.no, seq],
		prune: 'DELETE FROM u WHERE log_key > (? << 32) AND log_key <= (? << 32) + ?',
		pruneArgs: (doc, upTo) => [doc.no, doc.no, upTo]
	}
};

const names = process.argv[2] ? process.argv[2].split(',') : Object.keys(layouts);
const docs = Array.from({ length: 50 }, (_, i) => ({ id: randomUUID(), no: i + 1, seq: 0 }));
const author = randomUUID();
const payload = randomBytes(120);
const cpuUs = (since) => {
	const { user, system } = process.cpuUsage(since);
	return user + system;
};

for (const round of [1, 2, 3]) {
	for (const name of names) {
		const layout = layouts[name];
		const file = `/tmp/kohero-log-layout-${name}.db`;
		for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
		const db = new Database(file);
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = NORMAL');
		db.exec(layout.ddl);
		const insert = db.prepare(layout.insert);
		const commit = db.transaction((rows) => {
			for (const [doc, seq] of rows) insert.run(...layout.key(doc, seq), seq, payload, author, Date.now());
		});
		for (const doc of docs) doc.seq = 0;

		let since = process.cpuUsage();
		for (let i = 0; i < 1300; i++) commit(docs.map((doc) => [doc, ++doc.seq]));
		const perRow = cpuUs(since) / (1300 * docs.length);

		since = process.cpuUsage();
		for (let i = 0; i < 5000; i++) {
			const doc = docs[i % docs.length];
			commit([[doc, ++doc.seq]]);
		}
		const perCommit = cpuUs(since) / 5000;

		const prune = db.prepare(layout.prune);
		const prunes = docs.slice(0, 10).map((doc) => {
			const start = performance.now();
			prune.run(...(layout.pruneArgs?.(doc, 1000) ?? [...layout.key(doc), 1000]));
			return performance.now() - start;
		});
		prunes.sort((a, b) => a - b);
		console.log(`round ${round} ${name.padEnd(11)} ${perRow.toFixed(1)} µs CPU per row (50-row commits) · ${perCommit.toFixed(1)} µs per one-row commit · prune of 1000 rows p50 ${prunes[5].toFixed(2)} ms`);
		db.close();
		for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	}
}
