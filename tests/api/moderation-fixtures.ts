/** Shared set-up of the moderation tests: a server, signed-in people, aged accounts, moderators. */
import { afterAll, beforeAll } from 'vitest';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';
import { withDb } from '../relay/helpers';

const HOUR = 3_600_000;

export interface Person {
	c: Client;
	id: string;
	email: string;
	name: string;
}

/** Starts one server for the file; the helpers are valid inside tests. */
export function useModerationServer(env: Record<string, string> = {}) {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({ env: { MODERATION_HIDE_THRESHOLD: '3', MODERATION_MIN_ACCOUNT_AGE_HOURS: '24', ...env } });
	});
	afterAll(async () => {
		await server?.dispose();
	});
	let seq = 0;
	const helpers = {
		server: () => server,
		/** A fresh account (younger than the minimum age: its reports do not count yet). */
		async person(name = 'Camille'): Promise<Person> {
			seq += 1;
			const c = new Client(server.url);
			const displayName = `${name} ${seq}`;
			const user = await c.signup({ displayName });
			return { c, id: user.id, email: user.email, name: displayName };
		},
		/** Makes accounts `hours` old by writing their creation time in the server's SQLite. */
		age(people: Person[], hours = 48) {
			withDb(server.dataDir, (sqlite) => {
				const set = sqlite.prepare('UPDATE users SET created_at = ? WHERE id = ?');
				for (const p of people) set.run(Date.now() - hours * HOUR, p.id);
			});
		},
		/** An aged account. */
		async veteran(name = 'Dominique'): Promise<Person> {
			const p = await helpers.person(name);
			helpers.age([p]);
			return p;
		},
		/** A moderator (the admin script writes the same row; tested on its own). */
		async moderator(): Promise<Person> {
			const p = await helpers.person('Modération');
			withDb(server.dataDir, (sqlite) => sqlite.prepare('INSERT INTO moderators (user_id, granted_at) VALUES (?, ?)').run(p.id, Date.now()));
			return p;
		},
		/** A fresh neighbourhood far from the other tests'. */
		centre() {
			seq += 1;
			return { lat: -30 + seq * 0.7, lng: 20 + seq * 0.9 };
		}
	};
	return helpers;
}

/** Creates an initiative through the API. */
export async function newInitiative(owner: Person, at: { lat: number; lng: number }, title = 'Troc de graines') {
	const res = await owner.c.post('/api/initiatives', { title, summary: 'Échange de graines au marché.', category: 'food', ...at, placeName: 'Quartier' });
	if (res.status !== 201) throw new Error(`create failed ${res.status} ${res.text}`);
	return res.body.initiative as { id: string; title: string };
}

/** Reports a target; returns the response. */
export function report(p: Person, body: Record<string, unknown>) {
	return p.c.post('/api/reports', { reason: 'spam', ...body });
}

/** Whether the near feed around `at` lists `id` (optionally with a text query). */
export async function nearHas(c: Client, at: { lat: number; lng: number }, id: string, q?: string): Promise<boolean> {
	const query = new URLSearchParams({ lat: String(at.lat), lng: String(at.lng), radiusKm: '5', ...(q ? { q } : {}) });
	const res = await c.get(`/api/initiatives/near?${query}`);
	if (res.status !== 200) throw new Error(`near ${res.status}`);
	return (res.body.items as { id: string }[]).some((i) => i.id === id);
}

/** Whether the GeoJSON around `at` has `id`. */
export async function geoJsonHas(c: Client, at: { lat: number; lng: number }, id: string): Promise<boolean> {
	const bbox = [at.lng - 0.1, at.lat - 0.1, at.lng + 0.1, at.lat + 0.1].join(',');
	const res = await c.get(`/api/initiatives.geojson?bbox=${bbox}`);
	return (res.body.features as { properties: { id: string } }[]).some((f) => f.properties.id === id);
}
