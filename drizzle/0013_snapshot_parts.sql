-- Big snapshots in parts (sync-server/store/snapshots.ts): a snapshot over 256 kB is written a part per
-- turn of the relay's loop, each part its own commit, and doc_snapshots then points at them (`parts`; its
-- `state` is empty). Written in one transaction, a 3.6 MB snapshot held the loop for 30-40 ms on this disk.
ALTER TABLE `doc_snapshots` ADD `parts` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE TABLE `doc_snapshot_parts` (
	`doc_id` text NOT NULL,
	`seq` integer NOT NULL,
	`part` integer NOT NULL,
	`bytes` blob NOT NULL,
	PRIMARY KEY(`doc_id`, `seq`, `part`)
);
