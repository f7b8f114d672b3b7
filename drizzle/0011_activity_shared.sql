-- Messages and ideas are told to every member of an initiative: written once per post, not once per
-- member (fan-out on read; issue 15's benchmark: one message in an initiative of 500 members wrote 499
-- rows, each on its recipient's page of `activity_user`). Such a shared row has no `user_id`; a person's
-- activity is their own rows plus the shared rows of the initiatives they belong to (posted since they
-- joined, not by them, not muted), read per initiative through `activity_shared`.
-- SQLite cannot drop a NOT NULL constraint: the table is rebuilt, ids and the AUTOINCREMENT sequence kept
-- (one sequence for both kinds of rows, so "read up to id" and the cursor stay one order).
CREATE TABLE `activity_new` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text REFERENCES `users`(`id`) ON DELETE cascade,
	`type` text NOT NULL,
	`actor_id` text,
	`initiative_id` text,
	`meeting_id` text,
	`excerpt` text DEFAULT '' NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	`mailed_at` integer
);
--> statement-breakpoint
INSERT INTO `activity_new` (`id`, `user_id`, `type`, `actor_id`, `initiative_id`, `meeting_id`, `excerpt`, `data`, `created_at`, `read_at`, `mailed_at`)
	SELECT `id`, `user_id`, `type`, `actor_id`, `initiative_id`, `meeting_id`, `excerpt`, `data`, `created_at`, `read_at`, `mailed_at` FROM `activity`;
--> statement-breakpoint
-- Ids are never reused, even those of rows deleted since (a reused id below a read mark would read as read).
DELETE FROM `sqlite_sequence` WHERE `name` = 'activity_new';
--> statement-breakpoint
INSERT INTO `sqlite_sequence` (`name`, `seq`) SELECT 'activity_new', `seq` FROM `sqlite_sequence` WHERE `name` = 'activity';
--> statement-breakpoint
DROP TABLE `activity`;
--> statement-breakpoint
ALTER TABLE `activity_new` RENAME TO `activity`;
--> statement-breakpoint
CREATE INDEX `activity_user` ON `activity` (`user_id`, `id`) WHERE `user_id` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `activity_unmailed` ON `activity` (`id`, `user_id`) WHERE `user_id` IS NOT NULL AND `read_at` IS NULL AND `mailed_at` IS NULL;
--> statement-breakpoint
CREATE INDEX `activity_shared` ON `activity` (`initiative_id`, `id`) WHERE `user_id` IS NULL;
--> statement-breakpoint
-- Reading shared rows: each "read up to" a person sent, with its time (an item's readAt is the time of the
-- first mark at or above it). Personal rows keep their own `read_at`.
CREATE TABLE `activity_read_marks` (
	`user_id` text NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`up_to` integer NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `up_to`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Digests of shared rows: the highest id already mailed to the person (claimed before the mail leaves).
CREATE TABLE `activity_mailed_marks` (
	`user_id` text PRIMARY KEY NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`up_to` integer NOT NULL
) WITHOUT ROWID;
