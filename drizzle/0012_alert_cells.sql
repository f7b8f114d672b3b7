-- New-initiative alerts without the R*Tree (issue 15: matching's p99 was the Paris-centre place, ~4,500
-- candidate boxes at ~7 µs each, most of it the R*Tree's lookup of each row's auxiliary columns).
-- Each person who can be alerted (a BLURRED home, own radius > 0, default 5 km) is ONE row of a clustered
-- (WITHOUT ROWID) table sorted by radius, then latitude band (0.05°, ~5.6 km; CAST(floor(lat / 0.05)) as
-- BAND_DEG in src/lib/server/notify/nearby.ts), then longitude, with the blurred home as a unit vector and
-- the person's id inline. Matching takes each radius present and reads, per band of the place's box for that
-- radius, one contiguous range of longitudes; the circle is tested inside SQLite (chord length), so only
-- the people alerted come out, grouped by distance, and nothing is joined. The distance is symmetric (the
-- place is within r of the home iff the home is within r of the place), so the box is the place's and
-- nobody is stored more than once. The exact home is never used. Kept by triggers on users and
-- notification_prefs, as people_alert_geo was.
DROP TRIGGER `users_alert_geo_insert`;
--> statement-breakpoint
DROP TRIGGER `users_alert_geo_update`;
--> statement-breakpoint
DROP TRIGGER `users_alert_geo_delete`;
--> statement-breakpoint
DROP TRIGGER `notification_prefs_alert_geo_insert`;
--> statement-breakpoint
DROP TRIGGER `notification_prefs_alert_geo_update`;
--> statement-breakpoint
DROP TRIGGER `notification_prefs_alert_geo_delete`;
--> statement-breakpoint
DROP TABLE `people_alert_geo`;
--> statement-breakpoint
DROP VIEW `people_alert_box`;
--> statement-breakpoint
-- `id` is users.rowid (what the triggers find a person by); `user_id` is what matching returns; x, y, z
-- the blurred home on the unit sphere, so the distance to the place costs a few multiplications per row
-- (a chord) and one asin for the people within the radius.
CREATE TABLE `people_alert_homes` (
	`radius_km` integer NOT NULL,
	`band` integer NOT NULL,
	`lng` real NOT NULL,
	`id` integer NOT NULL,
	`x` real NOT NULL,
	`y` real NOT NULL,
	`z` real NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY (`radius_km`, `band`, `lng`, `id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `people_alert_homes_id` ON `people_alert_homes` (`id`);
--> statement-breakpoint
CREATE VIEW `people_alert_home` AS
SELECT u.`rowid` AS `id`, u.`id` AS `user_id`, u.`home_blur_lng` AS `lng`,
	COALESCE(p.`nearby_radius_km`, 5) AS `radius_km`, CAST(floor(u.`home_blur_lat` / 0.05) AS integer) AS `band`,
	cos(radians(u.`home_blur_lat`)) * cos(radians(u.`home_blur_lng`)) AS `x`,
	cos(radians(u.`home_blur_lat`)) * sin(radians(u.`home_blur_lng`)) AS `y`,
	sin(radians(u.`home_blur_lat`)) AS `z`
FROM `users` u LEFT JOIN `notification_prefs` p ON p.`user_id` = u.`id`
WHERE u.`home_blur_lat` IS NOT NULL AND u.`home_blur_lng` IS NOT NULL AND COALESCE(p.`nearby_radius_km`, 5) > 0;
--> statement-breakpoint
-- Existing people, in key order.
INSERT INTO `people_alert_homes` (`radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id`)
	SELECT `radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id` FROM `people_alert_home` ORDER BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `users_alert_homes_insert` AFTER INSERT ON `users` WHEN new.`home_blur_lat` IS NOT NULL BEGIN
	INSERT INTO `people_alert_homes` (`radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id`)
		SELECT `radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id` FROM `people_alert_home` WHERE `id` = new.`rowid`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_alert_homes_update` AFTER UPDATE OF `id`, `home_blur_lat`, `home_blur_lng` ON `users` BEGIN
	DELETE FROM `people_alert_homes` WHERE `id` = old.`rowid`;
	INSERT INTO `people_alert_homes` (`radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id`)
		SELECT `radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id` FROM `people_alert_home` WHERE `id` = new.`rowid`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_alert_homes_delete` AFTER DELETE ON `users` BEGIN
	DELETE FROM `people_alert_homes` WHERE `id` = old.`rowid`;
END;
--> statement-breakpoint
CREATE TRIGGER `notification_prefs_alert_homes_insert` AFTER INSERT ON `notification_prefs` BEGIN
	DELETE FROM `people_alert_homes` WHERE `id` = (SELECT `rowid` FROM `users` WHERE `id` = new.`user_id`);
	INSERT INTO `people_alert_homes` (`radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id`)
		SELECT `radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id` FROM `people_alert_home` WHERE `user_id` = new.`user_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `notification_prefs_alert_homes_update` AFTER UPDATE OF `nearby_radius_km`, `user_id` ON `notification_prefs` BEGIN
	DELETE FROM `people_alert_homes` WHERE `id` IN (SELECT `rowid` FROM `users` WHERE `id` IN (old.`user_id`, new.`user_id`));
	INSERT INTO `people_alert_homes` (`radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id`)
		SELECT `radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id` FROM `people_alert_home` WHERE `user_id` IN (old.`user_id`, new.`user_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `notification_prefs_alert_homes_delete` AFTER DELETE ON `notification_prefs` BEGIN
	DELETE FROM `people_alert_homes` WHERE `id` = (SELECT `rowid` FROM `users` WHERE `id` = old.`user_id`);
	INSERT INTO `people_alert_homes` (`radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id`)
		SELECT `radius_km`, `band`, `lng`, `id`, `x`, `y`, `z`, `user_id` FROM `people_alert_home` WHERE `user_id` = old.`user_id`;
END;
