/**
 * `npm run bench:notify`: the two costs of notifications that grow with the
 * network. (1) Activity fan-out of one new message in an initiative of 500
 * members (one INSERT…SELECT, mutes checked). (2) New-initiative alerts
 * against 100,000 people with blurred homes spread like France's population:
 * the R*Tree box of 25 km, each person's own radius, then the rows written.
 * Prints p50/p99 and writes bench/results/notify.json; never pass/fail.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeStore, openStore } from '$store/db';
import { recordDocPosts } from '$lib/server/notify/doc-posts';
import { peopleAlertedAt } from '$lib/server/notify/nearby';
import { alertNearby } from '$lib/server/notify/on-events';
import { jitterAround, loadPlaceRows, populationPicker, seededRandom } from '../scripts/demo/places';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 500);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const RADII = [0, 2, 5, 5, 5, 5, 5, 10, 25];

/** Wall time and this process' CPU time of `fn`, in ms: on a shared, loaded machine the CPU time is the steadier figure. */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
	const cpu0 = process.cpuUsage();
	const started = performance.now();
	const value = fn();
	const wall = performance.now() - started;
	const used = process.cpuUsage(cpu0);
	return { value, wall, cpu: (used.user + used.system) / 1000 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function summary(samples: { wall: number; cpu: number }[]) {
	const wall = samples.map((s) => s.wall).sort((a, b) => a - b);
	const cpu = samples.map((s) => s.cpu).sort((a, b) => a - b);
	const r = (n: number) => Math.round(n * 1000) / 1000;
	return { runs: samples.length, p50: r(percentile(wall, 50)), p99: r(percentile(wall, 99)), cpuP50: r(percentile(cpu, 50)), cpuP99: r(percentile(cpu, 99)) };
}

const dir = mkdtempSync(join(tmpdir(), 'kohero-bench-notify-'));
const { sqlite } = openStore(dir);
const random = seededRandom(15);
const now = Date.now();

// People: blurred homes spread like the population; radii as people might choose them.
console.log(`notify bench: ${PEOPLE.toLocaleString('en')} people, fan-out to ${MEMBERS} members, ${RUNS} runs each (${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)})`);
const pick = populationPicker(loadPlaceRows(), random);
const addUser = sqlite.prepare(
	"INSERT INTO users (id, email, password_hash, display_name, home_lat, home_lng, home_blur_lat, home_blur_lng, created_at, updated_at) VALUES (?, ?, 'x', ?, ?, ?, ?, ?, ?, ?)"
);
const addPrefs = sqlite.prepare(
	"INSERT INTO notification_prefs (user_id, nearby_radius_km, unsubscribe_token, updated_at) VALUES (?, ?, ?, ?)"
);
sqlite.transaction(() => {
	for (let i = 0; i < PEOPLE; i++) {
		const id = `person_${String(i).padStart(7, '0')}`;
		const home = jitterAround(pick(), random);
		addUser.run(id, `${id}@bench.fr`, `Personne ${i}`, home.lat, home.lng, home.lat + 0.005, home.lng, now, now);
		const radius = RADII[Math.floor(random() * RADII.length)];
		if (radius !== 5) addPrefs.run(id, radius, `token${i}`, now);
	}
})();

// (1) Fan-out: one initiative with MEMBERS members; each run is one message.
const addInitiative = sqlite.prepare(
	"INSERT INTO initiatives (id, owner_id, title, category, lat, lng, created_at, updated_at, last_activity_at) VALUES (?, ?, ?, 'food', ?, ?, ?, ?, ?)"
);
addInitiative.run('bench_fanout_0001', 'person_0000000', 'Jardin partagé', 45.76, 4.83, now, now, now);
const addMember = sqlite.prepare("INSERT INTO memberships (initiative_id, user_id, role, joined_at) VALUES ('bench_fanout_0001', ?, ?, ?)");
sqlite.transaction(() => {
	for (let i = 0; i < MEMBERS; i++) addMember.run(`person_${String(i).padStart(7, '0')}`, i === 0 ? 'owner' : 'member', now);
})();
const fanout: { wall: number; cpu: number }[] = [];
for (let i = 0; i < RUNS; i++) {
	const author = `person_${String(1 + (i % (MEMBERS - 1))).padStart(7, '0')}`;
	const run = timed(() => recordDocPosts([{ initiativeId: 'bench_fanout_0001', type: 'message_posted', authorId: author, text: 'Bonjour ! On se retrouve samedi au jardin pour planter les poireaux ?', at: Date.now() }]));
	fanout.push(run);
	if (run.value !== MEMBERS - 1) throw new Error(`fan-out wrote ${run.value} rows`);
}

// (2) New initiatives where people live (population-weighted places).
const matching: { wall: number; cpu: number }[] = [];
const withRows: { wall: number; cpu: number }[] = [];
let alerted = 0;
for (let i = 0; i < RUNS; i++) {
	const at = jitterAround(pick(), random);
	matching.push(timed(() => peopleAlertedAt(at.lat, at.lng, null)));
	const id = `bench_new_${String(i).padStart(6, '0')}`;
	addInitiative.run(id, 'person_0000000', 'Nouvelle initiative', at.lat, at.lng, now, now, now);
	const run = timed(() => alertNearby({ initiativeId: id, actorId: 'person_0000000' }));
	alerted += run.value.length;
	withRows.push(run);
}

const results = {
	date: new Date().toISOString(),
	cpus: cpus().length,
	load: loadavg()[0],
	fanout: { members: MEMBERS, ...summary(fanout) },
	nearby: { people: PEOPLE, matching: summary(matching), matchingAndRows: summary(withRows), meanAlerted: Math.round(alerted / RUNS) }
};
console.table({
	[`fan-out, 1 message → ${MEMBERS - 1} rows`]: results.fanout,
	[`new initiative: match (${PEOPLE.toLocaleString('en')} people)`]: results.nearby.matching,
	['new initiative: match + write rows']: results.nearby.matchingAndRows
});
console.log(`mean people alerted per new initiative: ${results.nearby.meanAlerted} (targets: fan-out p99 < 5 ms, matching p99 < 20 ms; load ${loadavg()[0].toFixed(1)} at the end)`);
const out = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'notify.json'), JSON.stringify(results, null, 2) + '\n');
closeStore();
rmSync(dir, { recursive: true, force: true });
