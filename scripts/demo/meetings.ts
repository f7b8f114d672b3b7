/**
 * Demo meetings for `npm run seed`: about one initiative in five gets a past
 * meeting and one or two upcoming ones (Paris wall times, near the initiative),
 * each with its invitation link and a few answers from members.
 */
import type Database from 'better-sqlite3';
import { newId } from '$lib/domain/ids';
import { Temporal } from 'temporal-polyfill';
import { epochOf } from '$lib/domain/meetings/time';

const DAY = 86_400_000;
const TITLES = ['Réunion de lancement', 'Point d’étape', 'Assemblée ouverte', 'Atelier pratique', 'Réunion publique', 'Chantier participatif'];
const HOURS = ['18:30', '19:00', '20:00', '10:00'];
const PLACES = ['Salle des fêtes', 'Médiathèque', 'Maison des associations', 'Café associatif', 'Mairie, salle du conseil'];

/** Adds demo meetings to the seeded initiatives; returns how many. */
export function seedMeetings(sqlite: Database.Database, random: () => number): number {
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	const baseUrl = process.env.ORIGIN ?? 'http://localhost:3000';
	const initiatives = sqlite.prepare('SELECT id, owner_id AS ownerId, lat, lng, place_name AS placeName FROM initiatives').all() as {
		id: string; ownerId: string; lat: number; lng: number; placeName: string;
	}[];
	const members = sqlite.prepare('SELECT user_id AS userId FROM memberships WHERE initiative_id = ?');
	const insertMeeting = sqlite.prepare(
		`INSERT INTO meetings (id, initiative_id, created_by, title, description, local_start, local_end, time_zone, starts_at, ends_at, place_name, lat, lng, attending, created_at, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, 'Europe/Paris', ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertInvite = sqlite.prepare('INSERT INTO invites (token, initiative_id, meeting_id, created_by, base_url, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
	const insertAnswer = sqlite.prepare('INSERT INTO meeting_rsvps (meeting_id, user_id, answer, updated_at) VALUES (?, ?, ?, ?)');
	const now = Date.now();
	let count = 0;
	sqlite.transaction(() => {
		for (const initiative of initiatives) {
			if (random() > 0.2) continue;
			const offsets = [-(7 + Math.floor(random() * 40)), 2 + Math.floor(random() * 25)];
			if (random() < 0.4) offsets.push(30 + Math.floor(random() * 30));
			const people = (members.all(initiative.id) as { userId: string }[]).map((m) => m.userId);
			for (const days of offsets) {
				const date = new Date(now + days * DAY).toISOString().slice(0, 10);
				const localStart = `${date}T${pick(HOURS)}:00`;
				const localEnd = Temporal.PlainDateTime.from(localStart).add({ hours: 2 }).toString();
				const startsAt = epochOf(localStart, 'Europe/Paris');
				const endsAt = epochOf(localEnd, 'Europe/Paris');
				const id = newId();
				const answers = people.filter(() => random() < 0.6).map((userId) => [userId, pick(['yes', 'yes', 'maybe', 'no'] as const)] as const);
				const attending = answers.filter(([, a]) => a === 'yes').length;
				const near = { lat: initiative.lat + (random() - 0.5) * 0.01, lng: initiative.lng + (random() - 0.5) * 0.014 };
				insertMeeting.run(id, initiative.id, initiative.ownerId, pick(TITLES), 'Ordre du jour : nouvelles, projets, questions diverses.', localStart, localEnd, startsAt, endsAt, `${pick(PLACES)}, ${initiative.placeName}`, near.lat, near.lng, attending, now, now);
				insertInvite.run(newId(32), initiative.id, id, initiative.ownerId, baseUrl, endsAt + 7 * DAY, now);
				for (const [userId, answer] of answers) insertAnswer.run(id, userId, answer, now);
				count += 1;
			}
		}
	})();
	console.log(`Réunions de démonstration : ${count}.`);
	return count;
}
