-- Text search near a point: each initiative's 0.1° grid cell (≈ 11 × 8 km in France) is indexed as a
-- word of the FTS5 table, so `"compost" AND cell:(…)` intersects the text and the neighbourhood inside
-- FTS5 itself instead of checking every nearby row against the text (or every match against the map).
-- Latitude and longitude are shifted positive so CAST truncation is a floor.
ALTER TABLE `initiatives` ADD COLUMN `geo_cell` TEXT GENERATED ALWAYS AS ('g' || CAST((`lat` + 90) * 10 AS INTEGER) || 'x' || CAST((`lng` + 180) * 10 AS INTEGER)) VIRTUAL;
--> statement-breakpoint
DROP TRIGGER `initiatives_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `initiatives_fts_update`;
--> statement-breakpoint
DROP TRIGGER `initiatives_fts_delete`;
--> statement-breakpoint
DROP TABLE `initiative_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `initiative_fts` USING fts5(`title`, `summary`, `place_name`, `geo_cell`, content='initiatives', content_rowid='pk', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `initiative_fts` (`initiative_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_insert` AFTER INSERT ON `initiatives` BEGIN
	INSERT INTO `initiative_fts` (`rowid`, `title`, `summary`, `place_name`, `geo_cell`) VALUES (new.`pk`, new.`title`, new.`summary`, new.`place_name`, new.`geo_cell`);
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_update` AFTER UPDATE OF `title`, `summary`, `place_name`, `lat`, `lng` ON `initiatives` BEGIN
	INSERT INTO `initiative_fts` (`initiative_fts`, `rowid`, `title`, `summary`, `place_name`, `geo_cell`) VALUES ('delete', old.`pk`, old.`title`, old.`summary`, old.`place_name`, old.`geo_cell`);
	INSERT INTO `initiative_fts` (`rowid`, `title`, `summary`, `place_name`, `geo_cell`) VALUES (new.`pk`, new.`title`, new.`summary`, new.`place_name`, new.`geo_cell`);
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_delete` AFTER DELETE ON `initiatives` BEGIN
	INSERT INTO `initiative_fts` (`initiative_fts`, `rowid`, `title`, `summary`, `place_name`, `geo_cell`) VALUES ('delete', old.`pk`, old.`title`, old.`summary`, old.`place_name`, old.`geo_cell`);
END;
