/**
 * `npm run bench:notify`: the costs of notifications that grow with the
 * network. (1) Activity fan-out of one new message in an initiative of 500
 * members (since drizzle/0011 one shared row, read per member), and what a
 * member then pays to read: a page of 30 items with the unread count, never
 * having read anything (the count covers every message of the run). (2) New-initiative alerts
 * against 100,000 people with blurred homes spread like France's population:
 * the people whose alert circle covers the place, then the rows written.
 *
 * Fair by construction: the activity table first holds HISTORY messages' worth
 * of rows for the same members (a fresh table is cheap to write, a lived-in one
 * is not: each recipient's index entry lands on its own page); the same seeded
 * workload runs in ROUNDS rounds of RUNS operations; each figure is the median
 * of the rounds' medians with their spread (min–max), the p99 over every run,
 * and the process CPU time per operation (process.cpuUsage: steadier than wall
 * time on a shared machine). The harness's own cost (timing an empty function)
 * and the load average before and after are printed with them.
 * BENCH_BEFORE=<git ref> also times (2) as the ref had it (bench/lib/notify-before.ts) on
 * the same people, round by round in alternation (which goes first swaps every round),
 * and checks that both alert the same people at the same distances.
 * Writes bench/results/notify.json; never pass/fail.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeStore, openStore } from '$store/db';
import { recordDocPosts } from '$lib/server/notify/doc-posts';
import { listActivity } from '$lib/server/notify/list';
import { peopleAlertedAt } from '$lib/server/notify/nearby';
import { alertNearby } from '$lib/server/notify/on-events';
import { jitterAround, loadPlaceRows, populationPicker, seededRandom } from '../scripts/demo/places';
import { percentile, spreadOf } from './lib/spread';
import { countOf, notifyAt, pairsOf, type Matcher } from './lib/notify-before';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 500);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 200);
const RADII = [0, 2, 5, 5, 5, 5, 5, 10, 25];

interface Sample {
	wall: number;
	cpu: number;
}

/** Wall time and this process' CPU time of `fn`, in ms. */
function timed<T>(fn: () => T): Sample & { value: T } {
	const cpu0 = process.cpuUsage();
	const started = performance.now();
	const value = fn();
	const wall = performance.now() - started;
	const used = process.cpuUsage(cpu0);
	return { value, wall, cpu: (used.user + used.system) / 1000 };
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;
const us = (ms: number) => Math.round(ms * 10_000) / 10;
/** `percentile` of values in any order. */
const percentileOf = (values: number[], p: number) => percentile([...values].sort((a, b) => a - b), p);

/** Median of the rounds' medians with their spread, p99 over every run, CPU ms per operation. */
function summary(rounds: Sample[][]) {
	const all = rounds.flat();
	const of = (key: keyof Sample) => {
		const medians = spreadOf(rounds.map((round) => percentileOf(round.map((s) => s[key]), 50)));
		return { median: r3(medians.median), spread: [r3(medians.min), r3(medians.max)], p99: r3(percentileOf(all.map((s) => s[key]), 99)) };
	};
	return { rounds: rounds.length, runsPerRound: rounds[0]?.length ?? 0, wall: of('wall'), cpu: of('cpu'), cpuMsPerOp: r3(all.reduce((sum, s) => sum + s.cpu, 0) / all.length) };
}

const load = () => loadavg().map((n) => Math.round(n * 100) / 100);
const loadBefore = load();
const dir = mkdtempSync(join(tmpdir(), 'kohero-bench-notify-'));
const { sqlite } = openStore(dir);
const random = seededRandom(15);
const now = Date.now();
const personId = (i: number) => `person_${String(i).padStart(7, '0')}`;

console.log(
	`notify bench: ${PEOPLE.toLocaleString('en')} people, fan-out to ${MEMBERS} members over ${HISTORY} messages of history, ${ROUNDS} rounds × ${RUNS} runs (${cpus().length} CPUs, load ${loadBefore.join(' ')})`
);

// People: blurred homes spread like the population; radii as people might choose them.
const pick = populationPicker(loadPlaceRows(), random);
const addUser = sqlite.prepare(
	"INSERT INTO users (id, email, password_hash, display_name, home_lat, home_lng, home_blur_lat, home_blur_lng, created_at, updated_at) VALUES (?, ?, 'x', ?, ?, ?, ?, ?, ?, ?)"
);
const addPrefs = sqlite.prepare('INSERT INTO notification_prefs (user_id, nearby_radius_km, unsubscribe_token, updated_at) VALUES (?, ?, ?, ?)');
sqlite.transaction(() => {
	for (let i = 0; i < PEOPLE; i++) {
		const id = personId(i);
		const home = jitterAround(pick(), random);
		addUser.run(id, `${id}@bench.fr`, `Personne ${i}`, home.lat, home.lng, home.lat + 0.005, home.lng, now, now);
		const radius = RADII[Math.floor(random() * RADII.length)];
		if (radius !== 5) addPrefs.run(id, radius, `token${i}`, now);
	}
})();

// (1) Fan-out: one initiative with MEMBERS members and HISTORY earlier messages; each run is one message.
const addInitiative = sqlite.prepare(
	"INSERT INTO initiatives (id, owner_id, title, category, lat, lng, created_at, updated_at, last_activity_at) VALUES (?, ?, ?, 'food', ?, ?, ?, ?, ?)"
);
addInitiative.run('bench_fanout_0001', personId(0), 'Jardin partagé', 45.76, 4.83, now, now, now);
const addMember = sqlite.prepare("INSERT INTO memberships (initiative_id, user_id, role, joined_at) VALUES ('bench_fanout_0001', ?, ?, ?)");
sqlite.transaction(() => {
	for (let i = 0; i < MEMBERS; i++) addMember.run(personId(i), i === 0 ? 'owner' : 'member', now);
})();
const text = 'Bonjour ! On se retrouve samedi au jardin pour planter les poireaux ?';
sqlite.transaction(() => {
	for (let i = 0; i < HISTORY; i++) {
		recordDocPosts([{ initiativeId: 'bench_fanout_0001', type: 'message_posted', authorId: personId(1 + (i % (MEMBERS - 1))), text, at: now - HISTORY + i }]);
	}
})();
sqlite.pragma('wal_checkpoint(TRUNCATE)');

// The harness's own cost: timing a function that does nothing.
const harness = timed(() => {
	const empty: Sample[] = [];
	for (let i = 0; i < 1000; i++) empty.push(timed(() => undefined));
	return empty;
}).value;

const fanout: Sample[][] = [];
const reading: Sample[][] = [];
let run = 0;
for (let round = 0; round < ROUNDS; round++) {
	const samples: Sample[] = [];
	for (let i = 0; i < RUNS; i++, run++) {
		const author = personId(1 + (run % (MEMBERS - 1)));
		samples.push(timed(() => recordDocPosts([{ initiativeId: 'bench_fanout_0001', type: 'message_posted', authorId: author, text, at: Date.now() }])));
	}
	fanout.push(samples);
	// Each member told: the last message is on top of a page read by someone else than its author.
	const reader = personId(1 + ((run + 1) % (MEMBERS - 1)));
	const top = listActivity(reader, { limit: 1 }).items[0];
	if (top?.type !== 'message_posted' || top.actor?.id !== personId(1 + ((run - 1) % (MEMBERS - 1)))) throw new Error('the last message is not on top');
	reading.push(Array.from({ length: RUNS }, (_, i) => timed(() => listActivity(personId(1 + ((run + i) % (MEMBERS - 1))), { limit: 30 }))));
}

// (2) New initiatives where people live (population-weighted places): the same places in every round.
const places = Array.from({ length: RUNS }, () => jitterAround(pick(), random));
interface Variant {
	name: string;
	peopleAlertedAt: Matcher;
	alertNearby: typeof alertNearby;
	matching: (Sample & { alerted: number })[][];
	withRows: Sample[][];
	alerted: number[];
}
const variant = (name: string, fns: Pick<Variant, 'peopleAlertedAt' | 'alertNearby'>): Variant => ({ name, ...fns, matching: [], withRows: [], alerted: [] });
const before = process.env.BENCH_BEFORE ? await notifyAt(process.env.BENCH_BEFORE, sqlite) : undefined;
const after = variant('after', { peopleAlertedAt, alertNearby });
const variants = before ? [variant(`before (${before.commit})`, before), after] : [after];
// Same people at the same distances, place by place (outside the timing).
const answer = (v: Variant, at: { lat: number; lng: number }) =>
	pairsOf(v.peopleAlertedAt(at.lat, at.lng, null))
		.sort()
		.join(',');
const differing = before ? places.filter((at) => answer(variants[0], at) !== answer(after, at)).length : 0;
for (let round = 0; round < ROUNDS; round++) {
	const order = round % 2 === 0 ? variants : [...variants].reverse();
	// Each operation in its own loop, so that one's garbage is not collected during the other's measurement.
	for (const v of order) {
		v.matching.push(
			places.map((at) => {
				// Only the count is kept: holding every answer would grow the heap each major GC must mark.
				const { wall, cpu, value } = timed(() => v.peopleAlertedAt(at.lat, at.lng, null));
				return { wall, cpu, alerted: countOf(value) };
			})
		);
	}
	for (const v of order) {
		const ids = places.map((at, i) => {
			const id = `bench_new_${variants.indexOf(v)}_${round}_${String(i).padStart(6, '0')}`;
			addInitiative.run(id, personId(0), 'Nouvelle initiative', at.lat, at.lng, now, now, now);
			return id;
		});
		v.withRows.push(
			ids.map((id) => {
				const { wall, cpu, value } = timed(() => v.alertNearby({ initiativeId: id, actorId: personId(0) }));
				v.alerted.push(value.length);
				return { wall, cpu };
			})
		);
	}
}
/** The slowest matchings by CPU, with how many people each alerted: is the p99 the big place or a pause? */
const slowest = (v: Variant) =>
	v.matching
		.flat()
		.sort((a, b) => b.cpu - a.cpu)
		.slice(0, 6)
		.map((s) => ({ cpu: r3(s.cpu), wall: r3(s.wall), alerted: s.alerted }));
const alertedOf = (v: Variant) => ({ mean: Math.round(v.alerted.reduce((a, b) => a + b, 0) / v.alerted.length), p99: percentileOf(v.alerted, 99), max: Math.max(...v.alerted) });

const results = {
	date: new Date().toISOString(),
	cpus: cpus().length,
	loadBefore,
	loadAfter: load(),
	harnessMicros: { wallMedian: us(percentileOf(harness.map((s) => s.wall), 50)), cpuMedian: us(percentileOf(harness.map((s) => s.cpu), 50)) },
	fanout: { members: MEMBERS, historyMessages: HISTORY, ...summary(fanout) },
	reading: { pageSize: 30, ...summary(reading) },
	nearby: { people: PEOPLE, matching: summary(after.matching), matchingAndRows: summary(after.withRows), alerted: alertedOf(after), slowestMatching: slowest(after) },
	before: before && {
		ref: process.env.BENCH_BEFORE,
		commit: before.commit,
		placesWithDifferentAnswers: differing,
		matching: summary(variants[0].matching),
		matchingAndRows: summary(variants[0].withRows),
		alerted: alertedOf(variants[0]),
		slowestMatching: slowest(variants[0])
	}
};
const row = (s: ReturnType<typeof summary>) => ({
	'CPU median': s.cpu.median,
	'CPU spread': s.cpu.spread.join('–'),
	'CPU p99': s.cpu.p99,
	'CPU ms/op': s.cpuMsPerOp,
	'wall median': s.wall.median,
	'wall spread': s.wall.spread.join('–'),
	'wall p99': s.wall.p99
});
const label = (v: Variant) => (before ? `, ${v.name}` : '');
console.table({
	[`fan-out, 1 message → ${MEMBERS - 1} members`]: row(results.fanout),
	['a member reads 30 items + unread count']: row(results.reading),
	...Object.fromEntries(variants.map((v) => [`new initiative: match (${PEOPLE.toLocaleString('en')} people)${label(v)}`, row(summary(v.matching))])),
	...Object.fromEntries(variants.map((v) => [`new initiative: match + write rows${label(v)}`, row(summary(v.withRows))]))
});
if (before) console.log(`before = ${process.env.BENCH_BEFORE} (${before.commit}), alternating by round; places where before and after alert different people or distances: ${differing} of ${places.length}`);
for (const v of variants) console.log(`slowest matchings${label(v)} (CPU ms, wall ms, people alerted): ${slowest(v).map((s) => `${s.cpu}/${s.wall}/${s.alerted}`).join(', ')}`);
console.log(
	`ms; ${ROUNDS} rounds × ${RUNS} runs; harness cost per measurement: ${results.harnessMicros.cpuMedian} µs CPU, ${results.harnessMicros.wallMedian} µs wall (median); people alerted per new initiative: mean ${results.nearby.alerted.mean}, p99 ${results.nearby.alerted.p99}, max ${results.nearby.alerted.max}`
);
console.log(`targets: fan-out p99 < 5 ms, matching p99 < 20 ms; load ${loadBefore.join(' ')} before, ${results.loadAfter.join(' ')} after`);
const out = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'notify.json'), JSON.stringify(results, null, 2) + '\n');
closeStore();
rmSync(dir, { recursive: true, force: true });
