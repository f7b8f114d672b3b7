CREATE TABLE `doc_history` (
	`doc_id` text NOT NULL,
	`taken_at` integer NOT NULL,
	`state` blob NOT NULL,
	`bytes` integer NOT NULL,
	PRIMARY KEY(`doc_id`, `taken_at`)
);
