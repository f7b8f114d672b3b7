-- Privacy: people search sees only a blurred home, drawn once 0.5–1.5 km from the real one
-- (redrawn by the app when the home moves). The exact home serves nothing but the owner's /api/me.
ALTER TABLE `users` ADD `home_blur_lat` real;
--> statement-breakpoint
ALTER TABLE `users` ADD `home_blur_lng` real;
--> statement-breakpoint
-- Existing homes get their blur now: distance d uniform in [0.5, 1.5] km, bearing uniform.
UPDATE `users` SET
	`home_blur_lat` = `users`.`home_lat` + (r.d / 111.32) * cos(r.theta),
	`home_blur_lng` = `users`.`home_lng` + (r.d / (111.32 * cos(radians(`users`.`home_lat`)))) * sin(r.theta)
FROM (
	SELECT `id`,
		0.5 + (abs(random()) % 1000000) / 1000000.0 AS d,
		2 * pi() * (abs(random()) % 1000000) / 1000000.0 AS theta
	FROM `users`
) AS r
WHERE r.`id` = `users`.`id` AND `users`.`home_lat` IS NOT NULL AND `users`.`home_lng` IS NOT NULL;
--> statement-breakpoint
-- Proximity over blurred homes only (people search, new-initiative alerts), keyed by users.rowid.
CREATE VIRTUAL TABLE `people_blur_geo` USING rtree(`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`);
--> statement-breakpoint
INSERT INTO `people_blur_geo` (`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`)
	SELECT `rowid`, `home_blur_lat`, `home_blur_lat`, `home_blur_lng`, `home_blur_lng` FROM `users` WHERE `home_blur_lat` IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER `users_blur_geo_insert` AFTER INSERT ON `users` WHEN new.`home_blur_lat` IS NOT NULL BEGIN
	INSERT INTO `people_blur_geo` (`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`) VALUES (new.`rowid`, new.`home_blur_lat`, new.`home_blur_lat`, new.`home_blur_lng`, new.`home_blur_lng`);
END;
--> statement-breakpoint
CREATE TRIGGER `users_blur_geo_update` AFTER UPDATE OF `home_blur_lat`, `home_blur_lng` ON `users` BEGIN
	DELETE FROM `people_blur_geo` WHERE `id` = old.`rowid`;
	INSERT INTO `people_blur_geo` (`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`)
		SELECT new.`rowid`, new.`home_blur_lat`, new.`home_blur_lat`, new.`home_blur_lng`, new.`home_blur_lng` WHERE new.`home_blur_lat` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `users_blur_geo_delete` AFTER DELETE ON `users` BEGIN
	DELETE FROM `people_blur_geo` WHERE `id` = old.`rowid`;
END;
