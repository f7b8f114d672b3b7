-- Notification costs that grow with the network (issue 15's benchmark).
-- (1) Digest candidates by activity id, not by person: a new item is appended at the end of this
--     partial index instead of landing on its recipient's page, so a message to 500 members no
--     longer rewrites ~500 index pages here (its recipients' pages of `activity_user` remain).
--     The digest reads it in one pass and groups the items by person (src/lib/server/notify/digest.ts).
DROP INDEX `activity_unmailed`;
--> statement-breakpoint
CREATE INDEX `activity_unmailed` ON `activity` (`id`, `user_id`) WHERE `read_at` IS NULL AND `mailed_at` IS NULL;
--> statement-breakpoint
-- (2) New-initiative alerts: each person's alert circle (own radius, default 5 km, 0 = none) around the
--     BLURRED home, as its bounding box, so matching asks "whose circle covers this place" and reads about
--     the people alerted, not everyone within the widest radius. The box is the exact one of a spherical
--     cap (as radiusBox in src/lib/domain/geo.ts); one crossing a pole or the antimeridian covers every
--     longitude. Keyed by users.rowid like `people_blur_geo`, and carrying what the check needs (who, the
--     blurred home, the radius) so matching joins nothing; the exact home is never used.
CREATE VIEW `people_alert_box` AS
SELECT `id`, `user_id`, `lat`, `lng`, `radius_km`,
	max(-90, `lat` - `d_lat`) AS `min_lat`, min(90, `lat` + `d_lat`) AS `max_lat`,
	CASE WHEN `d_lng` IS NULL OR `lat` + `d_lat` >= 90 OR `lat` - `d_lat` <= -90 OR `lng` - `d_lng` < -180 OR `lng` + `d_lng` > 180
		THEN -180 ELSE `lng` - `d_lng` END AS `min_lng`,
	CASE WHEN `d_lng` IS NULL OR `lat` + `d_lat` >= 90 OR `lat` - `d_lat` <= -90 OR `lng` - `d_lng` < -180 OR `lng` + `d_lng` > 180
		THEN 180 ELSE `lng` + `d_lng` END AS `max_lng`
FROM (
	SELECT `id`, `user_id`, `lat`, `lng`, `radius_km`, degrees(`a`) AS `d_lat`,
		CASE WHEN sin(`a`) < cos(radians(`lat`)) THEN degrees(asin(sin(`a`) / cos(radians(`lat`)))) END AS `d_lng`
	FROM (
		SELECT u.`rowid` AS `id`, u.`id` AS `user_id`, u.`home_blur_lat` AS `lat`, u.`home_blur_lng` AS `lng`,
			COALESCE(p.`nearby_radius_km`, 5) AS `radius_km`, COALESCE(p.`nearby_radius_km`, 5) / 6371.0088 AS `a`
		FROM `users` u LEFT JOIN `notification_prefs` p ON p.`user_id` = u.`id`
		WHERE u.`home_blur_lat` IS NOT NULL AND u.`home_blur_lng` IS NOT NULL AND COALESCE(p.`nearby_radius_km`, 5) > 0
	)
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `people_alert_geo` USING rtree(`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, +`user_id`, +`lat`, +`lng`, +`radius_km`);
--> statement-breakpoint
INSERT INTO `people_alert_geo` (`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km`)
	SELECT `id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km` FROM `people_alert_box`;
--> statement-breakpoint
CREATE TRIGGER `users_alert_geo_insert` AFTER INSERT ON `users` WHEN new.`home_blur_lat` IS NOT NULL BEGIN
	INSERT INTO `people_alert_geo` (`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km`)
		SELECT `id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km` FROM `people_alert_box` WHERE `id` = new.`rowid`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_alert_geo_update` AFTER UPDATE OF `id`, `home_blur_lat`, `home_blur_lng` ON `users` BEGIN
	DELETE FROM `people_alert_geo` WHERE `id` = old.`rowid`;
	INSERT INTO `people_alert_geo` (`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km`)
		SELECT `id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km` FROM `people_alert_box` WHERE `id` = new.`rowid`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_alert_geo_delete` AFTER DELETE ON `users` BEGIN
	DELETE FROM `people_alert_geo` WHERE `id` = old.`rowid`;
END;
--> statement-breakpoint
CREATE TRIGGER `notification_prefs_alert_geo_insert` AFTER INSERT ON `notification_prefs` BEGIN
	DELETE FROM `people_alert_geo` WHERE `id` = (SELECT `rowid` FROM `users` WHERE `id` = new.`user_id`);
	INSERT INTO `people_alert_geo` (`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km`)
		SELECT `id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km` FROM `people_alert_box` WHERE `user_id` = new.`user_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `notification_prefs_alert_geo_update` AFTER UPDATE OF `nearby_radius_km`, `user_id` ON `notification_prefs` BEGIN
	DELETE FROM `people_alert_geo` WHERE `id` IN (SELECT `rowid` FROM `users` WHERE `id` IN (old.`user_id`, new.`user_id`));
	INSERT INTO `people_alert_geo` (`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km`)
		SELECT `id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km` FROM `people_alert_box` WHERE `user_id` IN (old.`user_id`, new.`user_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `notification_prefs_alert_geo_delete` AFTER DELETE ON `notification_prefs` BEGIN
	DELETE FROM `people_alert_geo` WHERE `id` = (SELECT `rowid` FROM `users` WHERE `id` = old.`user_id`);
	INSERT INTO `people_alert_geo` (`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km`)
		SELECT `id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `user_id`, `lat`, `lng`, `radius_km` FROM `people_alert_box` WHERE `user_id` = old.`user_id`;
END;
