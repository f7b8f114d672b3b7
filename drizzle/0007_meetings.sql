-- Meetings of an initiative: the local wall time and its IANA zone are the truth (a 19:00 Paris
-- meeting stays at 19:00 across daylight-saving changes); starts_at/ends_at are the instants
-- computed from them, for ordering and proximity. `hidden` is set by moderation.
CREATE TABLE `meetings` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`initiative_id` text NOT NULL REFERENCES `initiatives`(`id`) ON DELETE cascade,
	`created_by` text NOT NULL REFERENCES `users`(`id`),
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`local_start` text NOT NULL,
	`local_end` text NOT NULL,
	`time_zone` text DEFAULT 'Europe/Paris' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`place_name` text DEFAULT '' NOT NULL,
	`lat` real,
	`lng` real,
	`status` text DEFAULT 'confirmed' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`hidden` integer DEFAULT 0 NOT NULL,
	`attending` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_id_unique` ON `meetings` (`id`);
--> statement-breakpoint
CREATE INDEX `meetings_initiative_start` ON `meetings` (`initiative_id`, `starts_at`);
--> statement-breakpoint
CREATE TABLE `meeting_rsvps` (
	`meeting_id` text NOT NULL REFERENCES `meetings`(`id`) ON DELETE cascade,
	`user_id` text NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`answer` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY (`meeting_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `meeting_rsvps_user` ON `meeting_rsvps` (`user_id`);
--> statement-breakpoint
-- Invitation links: the token is a bearer of "may join", shown again to owners/admins with each meeting.
CREATE TABLE `invites` (
	`token` text PRIMARY KEY NOT NULL,
	`initiative_id` text NOT NULL REFERENCES `initiatives`(`id`) ON DELETE cascade,
	`meeting_id` text REFERENCES `meetings`(`id`) ON DELETE cascade,
	`created_by` text NOT NULL REFERENCES `users`(`id`),
	`base_url` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `invites_meeting` ON `invites` (`meeting_id`);
--> statement-breakpoint
-- Private calendar feeds: only a hash of the secret in the URL is kept.
CREATE TABLE `calendar_feeds` (
	`user_id` text PRIMARY KEY NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`secret_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_secret` ON `calendar_feeds` (`secret_hash`);
--> statement-breakpoint
-- Newcomers met at a meeting who were sent their invitation (never twice for one entry).
CREATE TABLE `meeting_newcomer_mails` (
	`meeting_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY (`meeting_id`, `entry_id`)
);
--> statement-breakpoint
-- Upcoming meetings near a point: an R*Tree over (lat, lng, time from start to end) of confirmed,
-- visible meetings with a place, keyed by meetings.pk. Time is in units of 30 days, so that a node's
-- extent in time weighs like its extent in degrees (in minutes, the tree would split on time alone and
-- every node would span the whole country). Float32 boxes are rounded outwards; queries check exact
-- values on the table.
CREATE VIRTUAL TABLE `meeting_geo` USING rtree(`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `min_t`, `max_t`);
--> statement-breakpoint
CREATE TRIGGER `meetings_geo_insert` AFTER INSERT ON `meetings`
	WHEN new.`lat` IS NOT NULL AND new.`lng` IS NOT NULL AND new.`status` = 'confirmed' AND new.`hidden` = 0 BEGIN
	INSERT INTO `meeting_geo` VALUES (new.`pk`, new.`lat`, new.`lat`, new.`lng`, new.`lng`, new.`starts_at` / 2592000000.0, new.`ends_at` / 2592000000.0);
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_geo_update` AFTER UPDATE OF `lat`, `lng`, `starts_at`, `ends_at`, `status`, `hidden` ON `meetings` BEGIN
	DELETE FROM `meeting_geo` WHERE `id` = old.`pk`;
	INSERT INTO `meeting_geo` SELECT new.`pk`, new.`lat`, new.`lat`, new.`lng`, new.`lng`, new.`starts_at` / 2592000000.0, new.`ends_at` / 2592000000.0
		WHERE new.`lat` IS NOT NULL AND new.`lng` IS NOT NULL AND new.`status` = 'confirmed' AND new.`hidden` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_geo_delete` AFTER DELETE ON `meetings` BEGIN
	DELETE FROM `meeting_geo` WHERE `id` = old.`pk`;
END;
