-- Big history snapshots in parts (sync-server/store/doc-history.ts), as doc_snapshots since 0013: a day's
-- snapshot over 256 kB is written a part per turn of the relay's loop, then one small transaction adds its
-- doc_history row (`parts`; its `state` is empty). Written whole, a 3.6 MB state held the loop for ~25 ms.
ALTER TABLE `doc_history` ADD `parts` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE TABLE `doc_history_parts` (
	`doc_id` text NOT NULL,
	`taken_at` integer NOT NULL,
	`part` integer NOT NULL,
	`bytes` blob NOT NULL,
	PRIMARY KEY(`doc_id`, `taken_at`, `part`)
);
