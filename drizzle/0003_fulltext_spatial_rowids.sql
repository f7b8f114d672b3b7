-- Text search near a point, reading only nearby matches: the FTS5 row id becomes a spatial key, so a
-- word's doclist (sorted by row id) is sorted by place and `MATCH … AND rowid BETWEEN …` reads one
-- stretch of the map. The key is, from high to low bits: the 0.1° cell (row-major), the 0.025° cell
-- inside it (4 × 4), the 0.00625° cell inside that (4 × 4, ≈ 700 × 480 m in France), then `pk` in the
-- low 31 bits so it stays unique and gives the initiative back (pk < 2^31). Nesting the levels keeps
-- any cell of any level one contiguous range of keys. It replaces the grid-cell words of 0002, whose intersection
-- with a common word still read tens of thousands of rows in a dense city.
-- Fine indexes come from the 0.1° fraction so both levels always agree. The arithmetic must match
-- sync-server/store/proximity-index/geo-keys.ts.
-- detail=column: queries are single words with column filters, never phrases or NEAR, so positions
-- are dead weight; without them doclists are smaller and faster to read.
ALTER TABLE `initiatives` ADD COLUMN `geo_key` INTEGER GENERATED ALWAYS AS (((((CAST((`lat` + 90) * 10 AS INTEGER) * 3601 + CAST((`lng` + 180) * 10 AS INTEGER)) * 16 + (CAST(((`lat` + 90) * 10 - CAST((`lat` + 90) * 10 AS INTEGER)) * 16 AS INTEGER) / 4) * 4 + CAST(((`lng` + 180) * 10 - CAST((`lng` + 180) * 10 AS INTEGER)) * 16 AS INTEGER) / 4) * 16 + (CAST(((`lat` + 90) * 10 - CAST((`lat` + 90) * 10 AS INTEGER)) * 16 AS INTEGER) % 4) * 4 + CAST(((`lng` + 180) * 10 - CAST((`lng` + 180) * 10 AS INTEGER)) * 16 AS INTEGER) % 4) << 31) | `pk`) VIRTUAL;
--> statement-breakpoint
DROP TRIGGER `initiatives_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `initiatives_fts_update`;
--> statement-breakpoint
DROP TRIGGER `initiatives_fts_delete`;
--> statement-breakpoint
DROP TABLE `initiative_fts`;
--> statement-breakpoint
ALTER TABLE `initiatives` DROP COLUMN `geo_cell`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `initiative_fts` USING fts5(`title`, `summary`, `place_name`, content='initiatives', content_rowid='geo_key', tokenize='unicode61 remove_diacritics 2', detail=column);
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
