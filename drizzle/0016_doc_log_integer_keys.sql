-- The update log keyed by one integer: each document gets a number (doc_numbers), and a row's key is
-- doc_no × 2³² + seq, the table's rowid. A document's rows still sit together (a prune or a load reads
-- its own pages, as in 0015), but the b-tree's keys are integers, not a text id and a seq: an append
-- compares and stores less, and the log's interior pages hold many more keys. bench/tools/log-layouts.mjs,
-- 50 documents, 120 B rows, 3 rounds: CPU per row in 50-row commits 13.9–14.9 µs keyed by (doc_id, seq),
-- 11.7–12.7 here (arrival order, before 0015: 10.3–11.9, but a prune of 1000 rows 20–22 ms; 0.5 ms keyed
-- by (doc_id, seq), 0.2 here); a one-row commit 28–30 µs, 27 here.
-- doc_updates stays, as a view, for whoever reads a document's log by its id.
CREATE TABLE `doc_numbers` (
	`doc_no` integer PRIMARY KEY,
	`doc_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
INSERT INTO `doc_numbers` (`doc_id`) SELECT DISTINCT `doc_id` FROM `doc_updates` ORDER BY `doc_id`;
--> statement-breakpoint
CREATE TABLE `doc_log` (
	`log_key` integer PRIMARY KEY,
	`seq` integer NOT NULL CHECK (`seq` BETWEEN 1 AND 4294967295),
	`update` blob NOT NULL,
	`author_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `doc_log` (`log_key`, `seq`, `update`, `author_id`, `created_at`)
	SELECT (n.`doc_no` << 32) + u.`seq`, u.`seq`, u.`update`, u.`author_id`, u.`created_at`
	FROM `doc_updates` u JOIN `doc_numbers` n USING (`doc_id`) ORDER BY 1;
--> statement-breakpoint
DROP TABLE `doc_updates`;
--> statement-breakpoint
CREATE VIEW `doc_updates` AS
	SELECT n.`doc_id`, l.`seq`, l.`update`, l.`author_id`, l.`created_at`
	FROM `doc_numbers` n JOIN `doc_log` l ON l.`log_key` > n.`doc_no` << 32 AND l.`log_key` < (n.`doc_no` + 1) << 32;
