/** Migration 0009: hiding an initiative takes it out of the R*Tree and FTS5 indexes and brings it back, consistently. */
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrated } from './db';

let sqlite: Database.Database;

beforeAll(() => {
	sqlite = new Database(':memory:');
	migrated(sqlite);
	const now = Date.now();
	sqlite.prepare("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES ('owner-0001', 'o@exemple.fr', 'x', 'O', ?, ?)").run(now, now);
	const add = sqlite.prepare(
		"INSERT INTO initiatives (id, owner_id, title, summary, category, lat, lng, created_at, updated_at, last_activity_at) VALUES (?, 'owner-0001', ?, '', 'food', 45.7, 4.8, ?, ?, ?)"
	);
	add.run('compost-0001', 'Compost du square', now, now, now);
	add.run('jardin-0001', 'Jardin partagé', now, now, now);
});

const inGeo = (id: string) => sqlite.prepare('SELECT count(*) AS n FROM initiative_geo g JOIN initiatives i ON i.pk = g.id WHERE i.id = ?').get(id) as { n: number };
const matches = (word: string) =>
	(sqlite.prepare('SELECT i.id FROM initiative_fts f JOIN initiatives i ON i.geo_key = f.rowid WHERE initiative_fts MATCH ? ORDER BY i.id').all(word) as { id: string }[]).map((r) => r.id);
const integrity = () => sqlite.prepare("INSERT INTO initiative_fts (initiative_fts) VALUES ('integrity-check')").run();
const setHidden = (id: string, hidden: number) => sqlite.prepare('UPDATE initiatives SET hidden = ? WHERE id = ?').run(hidden, id);

describe('hidden initiatives and the proximity indexes', () => {
	it('leave both indexes when hidden and come back when restored, with the index intact', () => {
		setHidden('compost-0001', 1);
		expect(inGeo('compost-0001').n).toBe(0);
		expect(matches('compost')).toEqual([]);
		expect(matches('jardin')).toEqual(['jardin-0001']);
		integrity();
		setHidden('compost-0001', 1); // no change, no second delete
		integrity();
		setHidden('compost-0001', 0);
		expect(inGeo('compost-0001').n).toBe(1);
		expect(matches('compost')).toEqual(['compost-0001']);
		integrity();
	});

	it('freezes the indexed columns of a hidden initiative (the 0001–0004 triggers never see it) and keeps it from deletion', () => {
		setHidden('jardin-0001', 1);
		expect(() => sqlite.prepare("UPDATE initiatives SET title = 'Autre' WHERE id = 'jardin-0001'").run()).toThrow(/initiative_hidden/);
		expect(() => sqlite.prepare("DELETE FROM initiatives WHERE id = 'jardin-0001'").run()).toThrow(/initiative_hidden/);
		sqlite.prepare("UPDATE initiatives SET category = 'culture' WHERE id = 'jardin-0001'").run();
		setHidden('jardin-0001', 0);
		sqlite.prepare("UPDATE initiatives SET title = 'Jardin ouvert' WHERE id = 'jardin-0001'").run();
		expect(matches('ouvert')).toEqual(['jardin-0001']);
		integrity();
	});
});
