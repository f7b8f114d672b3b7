-- Proximity: an R*Tree over initiative points, keyed by initiatives.pk.
CREATE VIRTUAL TABLE `initiative_geo` USING rtree(`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`);
--> statement-breakpoint
CREATE TRIGGER `initiatives_geo_insert` AFTER INSERT ON `initiatives` BEGIN
	INSERT INTO `initiative_geo` (`id`, `min_lat`, `max_lat`, `min_lng`, `max_lng`) VALUES (new.`pk`, new.`lat`, new.`lat`, new.`lng`, new.`lng`);
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_geo_update` AFTER UPDATE OF `lat`, `lng` ON `initiatives` BEGIN
	UPDATE `initiative_geo` SET `min_lat` = new.`lat`, `max_lat` = new.`lat`, `min_lng` = new.`lng`, `max_lng` = new.`lng` WHERE `id` = new.`pk`;
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_geo_delete` AFTER DELETE ON `initiatives` BEGIN
	DELETE FROM `initiative_geo` WHERE `id` = old.`pk`;
END;
--> statement-breakpoint
-- French-aware text search: accents and case ignored (`ecole` finds `École`).
CREATE VIRTUAL TABLE `initiative_fts` USING fts5(`title`, `summary`, `place_name`, content='initiatives', content_rowid='pk', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_insert` AFTER INSERT ON `initiatives` BEGIN
	INSERT INTO `initiative_fts` (`rowid`, `title`, `summary`, `place_name`) VALUES (new.`pk`, new.`title`, new.`summary`, new.`place_name`);
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_update` AFTER UPDATE OF `title`, `summary`, `place_name` ON `initiatives` BEGIN
	INSERT INTO `initiative_fts` (`initiative_fts`, `rowid`, `title`, `summary`, `place_name`) VALUES ('delete', old.`pk`, old.`title`, old.`summary`, old.`place_name`);
	INSERT INTO `initiative_fts` (`rowid`, `title`, `summary`, `place_name`) VALUES (new.`pk`, new.`title`, new.`summary`, new.`place_name`);
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_delete` AFTER DELETE ON `initiatives` BEGIN
	INSERT INTO `initiative_fts` (`initiative_fts`, `rowid`, `title`, `summary`, `place_name`) VALUES ('delete', old.`pk`, old.`title`, old.`summary`, old.`place_name`);
END;
