-- Activity and notifications: one activity row per recipient, preferences, mutes,
-- password resets (hash only), Web Push subscriptions and the digest job's state.
CREATE TABLE `activity` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
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
CREATE INDEX `activity_user` ON `activity` (`user_id`, `id`);
--> statement-breakpoint
CREATE INDEX `activity_unmailed` ON `activity` (`user_id`) WHERE `read_at` IS NULL AND `mailed_at` IS NULL;
--> statement-breakpoint
CREATE TABLE `notification_prefs` (
	`user_id` text PRIMARY KEY NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`email_digest` text DEFAULT 'weekly' NOT NULL,
	`email_instant` integer DEFAULT 1 NOT NULL,
	`push` integer DEFAULT 0 NOT NULL,
	`nearby_radius_km` integer DEFAULT 5 NOT NULL,
	`locale` text DEFAULT 'fr' NOT NULL,
	`unsubscribe_token` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_prefs_unsubscribe` ON `notification_prefs` (`unsubscribe_token`);
--> statement-breakpoint
CREATE TABLE `notification_mutes` (
	`user_id` text NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`initiative_id` text NOT NULL REFERENCES `initiatives`(`id`) ON DELETE cascade,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `initiative_id`)
);
--> statement-breakpoint
CREATE TABLE `password_resets` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `password_resets_user` ON `password_resets` (`user_id`);
--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`endpoint` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `push_subscriptions_user` ON `push_subscriptions` (`user_id`);
--> statement-breakpoint
CREATE TABLE `digest_runs` (
	`frequency` text PRIMARY KEY NOT NULL,
	`last_slot` integer NOT NULL,
	`finished_at` integer NOT NULL
);
