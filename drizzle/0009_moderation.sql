-- Moderation (API.md "Moderation"): reports, decisions (the audit log), blocks, moderators,
-- suspended accounts and hidden initiatives.
ALTER TABLE `initiatives` ADD `hidden` integer DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE `users` ADD `suspended_at` integer;
--> statement-breakpoint
-- A hidden initiative leaves the proximity indexes (R*Tree and FTS5), so every query built on them
-- (near, text search, GeoJSON) forgets it without a filter of its own; it comes back when restored.
-- The FTS5 table has external content: it is told exactly what it holds, with the row's values.
CREATE TRIGGER `initiatives_hide` AFTER UPDATE OF `hidden` ON `initiatives` WHEN old.`hidden` = 0 AND new.`hidden` <> 0 BEGIN
	DELETE FROM `initiative_geo` WHERE `id` = old.`pk`;
	INSERT INTO `initiative_fts` (`initiative_fts`, `rowid`, `title`, `summary`, `place_name`) VALUES ('delete', old.`geo_key`, old.`title`, old.`summary`, old.`place_name`);
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_unhide` AFTER UPDATE OF `hidden` ON `initiatives` WHEN old.`hidden` <> 0 AND new.`hidden` = 0 BEGIN
	INSERT INTO `initiative_geo` (`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`) VALUES (new.`pk`, new.`lat`, new.`lat`, new.`lng`, new.`lng`);
	INSERT INTO `initiative_fts` (`rowid`, `title`, `summary`, `place_name`) VALUES (new.`geo_key`, new.`title`, new.`summary`, new.`place_name`);
END;
--> statement-breakpoint
-- The index triggers of 0001–0004 assume every row is indexed: while hidden, the indexed columns
-- (and the row) stay as they are, so those triggers never touch a row the indexes do not hold.
CREATE TRIGGER `initiatives_hidden_frozen` BEFORE UPDATE OF `title`, `summary`, `place_name`, `lat`, `lng` ON `initiatives` WHEN old.`hidden` <> 0 BEGIN
	SELECT RAISE(ABORT, 'initiative_hidden');
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_hidden_kept` BEFORE DELETE ON `initiatives` WHEN old.`hidden` <> 0 BEGIN
	SELECT RAISE(ABORT, 'initiative_hidden');
END;
--> statement-breakpoint
CREATE TABLE `moderators` (
	`user_id` text PRIMARY KEY NOT NULL,
	`granted_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`reporter_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`initiative_id` text,
	`author_id` text,
	`reason` text NOT NULL,
	`details` text DEFAULT '' NOT NULL,
	`target_text` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`decision_id` text,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_reporter_target` ON `reports` (`reporter_id`, `target_type`, `target_id`);
--> statement-breakpoint
CREATE INDEX `reports_target` ON `reports` (`target_type`, `target_id`, `status`);
--> statement-breakpoint
CREATE INDEX `reports_status` ON `reports` (`status`, `closed_at`);
--> statement-breakpoint
CREATE INDEX `reports_initiative` ON `reports` (`initiative_id`, `status`);
--> statement-breakpoint
CREATE TABLE `moderation_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`initiative_id` text,
	`author_id` text,
	`action` text NOT NULL,
	`statement` text DEFAULT '' NOT NULL,
	`target_text` text DEFAULT '' NOT NULL,
	`actor_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `moderation_decisions_created` ON `moderation_decisions` (`created_at`);
--> statement-breakpoint
CREATE TABLE `user_blocks` (
	`blocker_id` text NOT NULL,
	`blocked_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`blocker_id`, `blocked_id`),
	FOREIGN KEY (`blocker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`blocked_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_blocks_blocked` ON `user_blocks` (`blocked_id`);
--> statement-breakpoint
CREATE TABLE `moderation_job_runs` (
	`job` text PRIMARY KEY NOT NULL,
	`last_run_at` integer NOT NULL,
	`affected` integer DEFAULT 0 NOT NULL
);
