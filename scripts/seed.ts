/**
 * `npm run seed`: fills an EMPTY database (in DATA_DIR) with a living demo —
 * about 2,000 initiatives around real French towns, spread like the
 * population, and a few hundred people, associations and communes.
 * Every seeded account signs in with DEMO_PASSWORD (see README).
 */
import { openStore, closeStore } from '$store/db';
import { hashPassword } from '$lib/server/auth/password';
import { newId } from '$lib/domain/ids';
import { blurHome } from '$lib/domain/home-blur';
import { jitterAround, loadPlaceRows, populationPicker, seededRandom, type PlaceRow } from './demo/places';
import { seedMeetings } from './demo/meetings';
import { ASSOCIATIONS, FIRST_NAMES, LAST_INITIALS, SEED_CATEGORIES, SKILLS, TEMPLATES } from './demo/texts';
import { seedWorkspaces, type DemoWorkspace } from './demo/workspaces';

export const DEMO_PASSWORD = 'kohero-demo-2025';
const INITIATIVES = Number(process.env.SEED_INITIATIVES ?? 2000);
const PEOPLE = Number(process.env.SEED_PEOPLE ?? 400);
const DAY = 86_400_000;

const { sqlite, dataDir } = openStore();
const existing = (sqlite.prepare('SELECT count(*) AS n FROM initiatives').get() as { n: number }).n;
if (existing > 0) {
	console.error(`La base ${dataDir} contient déjà ${existing} initiatives : le jeu de démonstration ne remplit qu'une base vide.`);
	closeStore();
	process.exit(1);
}

const random = seededRandom(2025);
const pickPlace = populationPicker(loadPlaceRows(), random);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const started = performance.now();
// One hash for every demo account: argon2 is deliberately slow.
const passwordHash = await hashPassword(DEMO_PASSWORD);
const now = Date.now();

interface SeedUser {
	id: string;
	kind: 'person' | 'association' | 'commune';
	/** Where they live (or sit): their initiatives are founded there. */
	place: PlaceRow;
}
const insertUser = sqlite.prepare(
	`INSERT INTO users (id, email, password_hash, display_name, kind, bio, skills, discoverable, home_lat, home_lng, home_blur_lat, home_blur_lng, created_at, updated_at)
	 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
);
const insertInitiative = sqlite.prepare(
	`INSERT INTO initiatives (id, owner_id, title, summary, category, lat, lng, place_name, member_count, created_at, updated_at, last_activity_at)
	 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
);
const insertMember = sqlite.prepare('INSERT INTO memberships (initiative_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)');

function addUser(n: number, kind: SeedUser['kind'], displayName: string, place: PlaceRow): SeedUser {
	const id = newId();
	const skills = kind === 'person' ? [...new Set([pick(SKILLS), pick(SKILLS), pick(SKILLS)])].slice(0, 1 + Math.floor(random() * 3)) : [];
	const discoverable = kind === 'person' && random() < 0.6;
	const home = discoverable ? jitterAround(place, random) : null;
	// People search sees only the blurred home (API.md). Not from the public seed: a blur anyone can replay hides nothing.
	const blur = home ? blurHome(home, Math.random(), Math.random()) : null;
	const bio = kind === 'commune' ? `Commune de ${place[0]}.` : kind === 'association' ? `Association active à ${place[0]}.` : '';
	const created = now - Math.floor(random() * 365 * DAY);
	insertUser.run(id, `demo${n}@kohero.fr`, passwordHash, displayName, kind, bio, JSON.stringify(skills), discoverable ? 1 : 0, home?.lat ?? null, home?.lng ?? null, blur?.lat ?? null, blur?.lng ?? null, created, created);
	return { id, kind, place };
}

const workspaces: DemoWorkspace[] = [];
const counts = sqlite.transaction(() => {
	const people: SeedUser[] = [];
	for (let n = 0; n < PEOPLE; n++) {
		const place = pickPlace();
		const roll = random();
		if (roll < 0.08) people.push(addUser(n, 'association', `${pick(ASSOCIATIONS)} ${place[0]}`, place));
		else if (roll < 0.12) people.push(addUser(n, 'commune', `Mairie de ${place[0]}`, place));
		else people.push(addUser(n, 'person', `${pick(FIRST_NAMES)} ${pick([...LAST_INITIALS])}.`, place));
	}
	// Neighbours first: members are mostly drawn from the founder's département.
	const byDepartement = new Map<string, SeedUser[]>();
	for (const person of people) {
		const list = byDepartement.get(person.place[2]) ?? [];
		list.push(person);
		byDepartement.set(person.place[2], list);
	}
	let memberships = 0;
	for (let k = 0; k < INITIATIVES; k++) {
		// The founder first: an initiative sits in or near the town where its founder lives.
		const owner = pick(people);
		const place = owner.place;
		const category = pick(SEED_CATEGORIES);
		const [title, summary] = pick(TEMPLATES[category]).map((text) => text.replaceAll('{lieu}', place[0]));
		const { lat, lng } = jitterAround(place, random);
		const neighbours = byDepartement.get(place[2]) ?? people;
		const members = new Set<string>([owner.id]);
		const wanted = Math.floor(random() ** 2 * 25);
		while (members.size < wanted + 1 && members.size < people.length) members.add(pick(random() < 0.8 ? neighbours : people).id);
		const created = now - Math.floor(random() * 180 * DAY);
		const id = newId();
		insertInitiative.run(id, owner.id, title, summary, category, lat, lng, place[0], members.size, created, created, created + Math.floor(random() * (now - created)));
		for (const userId of members) {
			insertMember.run(id, userId, userId === owner.id ? 'owner' : random() < 0.1 ? 'admin' : 'member', created);
			memberships += 1;
		}
		workspaces.push({ initiativeId: id, title, place: place[0], memberIds: [...members], createdAt: created });
	}
	return { people: people.length, memberships };
})();

// Every demo workspace opens with content: notes, tasks half done, a discussion, ideas with votes.
await seedWorkspaces(sqlite, workspaces, random);

console.log(
	`Démo créée dans ${dataDir} : ${INITIATIVES} initiatives, ${counts.people} comptes, ${counts.memberships} adhésions, ${workspaces.length} espaces de travail remplis ` +
		`en ${Math.round(performance.now() - started)} ms.\n` +
		`Connexion : demo0@kohero.fr … demo${PEOPLE - 1}@kohero.fr, mot de passe « ${DEMO_PASSWORD} ».`
);
seedMeetings(sqlite, seededRandom(14));
closeStore();
