/**
 * The SQL of the update log (drizzle/0016): one row per update in `doc_log`, keyed by
 * doc_no × 2³² + seq, a document's number coming from `doc_numbers`. Statements take a
 * document's id and find its number themselves, so callers speak of documents as ids.
 */

/** Seqs of one document stay below this (the key's low 32 bits; the table checks it too). */
const SEQ_LIMIT = 2 ** 32;

/** The lowest key of `doc_id` = ?, in a CTE `d(lo)`: statements below start with it. */
const DOC_KEYS = 'WITH d(lo) AS (SELECT doc_no << 32 FROM doc_numbers WHERE doc_id = ?)';

export const LOG_SQL = {
	/** The document's number and last seq (null when its log is empty), or no row when it has no number yet. */
	tail: `SELECT doc_no AS docNo, (SELECT max(log_key) FROM doc_log WHERE log_key > doc_no << 32 AND log_key < (doc_no + 1) << 32)
		 - (doc_no << 32) AS seq FROM doc_numbers WHERE doc_id = ?`,
	/** Numbers the document (once: an existing number is returned as it is). */
	number: `INSERT INTO doc_numbers (doc_id) VALUES (?) ON CONFLICT (doc_id) DO UPDATE SET doc_id = excluded.doc_id RETURNING doc_no AS docNo`,
	/** Appends a row: doc_no, seq, seq again (the key and its column), update, author, time. */
	append: 'INSERT INTO doc_log (log_key, seq, "update", author_id, created_at) VALUES ((? << 32) + ?, ?, ?, ?, ?)',
	/** The document's rows after a seq, up to another (any number above SEQ_LIMIT: all), in order. */
	rows: `${DOC_KEYS} SELECT seq, "update" FROM doc_log, d WHERE log_key > lo + ? AND log_key <= lo + min(?, ${SEQ_LIMIT - 1}) ORDER BY log_key`,
	/** Deletes the document's rows up to a seq. */
	prune: `${DOC_KEYS} DELETE FROM doc_log WHERE log_key > (SELECT lo FROM d) AND log_key <= (SELECT lo FROM d) + ?`
} as const;
