-- The feed searches as the person types, so the last word of `q` matches as a prefix (`jard` finds
-- Jardin). Without a prefix index FTS5 answers `"jard"*` by merging every doclist of every `jard…`
-- word over the whole table before the row-id range applies, which is what made prefixes too costly.
-- With prefix='3 4' a 3- or 4-character prefix is one indexed term, read only inside the spatial
-- row-id ranges like any word. Longer prefixes read their first 4 characters and the rows are checked
-- against the whole prefix (sync-server/store/proximity-index/text.ts). Each prefix length costs
-- about as much as the main index (≈ +19 MB per 100,000 initiatives for both), so only these two.
-- Same table otherwise as 0003; the triggers are dropped and recreated around it in this migration's
-- transaction so no write is missed.
DROP TRIGGER `initiatives_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `initiatives_fts_update`;
--> statement-breakpoint
DROP TRIGGER `initiatives_fts_delete`;
--> statement-breakpoint
DROP TABLE `initiative_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `initiative_fts` USING fts5(`title`, `summary`, `place_name`, content='initiatives', content_rowid='geo_key', tokenize='unicode61 remove_diacritics 2', detail=column, prefix='3 4');
--> statement-breakpoint
INSERT INTO `initiative_fts` (`initiative_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_insert` AFTER INSERT ON `initiatives` BEGIN
	INSERT INTO `initiative_fts` (`rowid`, `title`, `summary`, `place_name`) VALUES (new.`geo_key`, new.`title`, new.`summary`, new.`place_name`);
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_update` AFTER UPDATE OF `title`, `summary`, `place_name`, `lat`, `lng` ON `initiatives` BEGIN
	INSERT INTO `initiative_fts` (`initiative_fts`, `rowid`, `title`, `summary`, `place_name`) VALUES ('delete', old.`geo_key`, old.`title`, old.`summary`, old.`place_name`);
	INSERT INTO `initiative_fts` (`rowid`, `title`, `summary`, `place_name`) VALUES (new.`geo_key`, new.`title`, new.`summary`, new.`place_name`);
END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_fts_delete` AFTER DELETE ON `initiatives` BEGIN
	INSERT INTO `initiative_fts` (`initiative_fts`, `rowid`, `title`, `summary`, `place_name`) VALUES ('delete', old.`geo_key`, old.`title`, old.`summary`, old.`place_name`);
END;
