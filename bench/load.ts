/**
 * HTTP load on loopback: autocannon against `GET /api/initiatives/near` on a
 * 1,000,000-initiative database and against the feed page `/`, 100
 * connections for 20 s each. Prints requests/s, p50/p99 and errors; writes
 * bench/results/load.json. LOAD_INITIATIVES, LOAD_SECONDS, LOAD_CONNECTIONS resize it.
 * Needs `npm run build` first (it runs build/server.js).
 */
import autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Client } from '../tests/helpers/client';
import { startServer } from '../tests/helpers/server';
import { benchDataDir, loadPlaces, populationPicker, seededRandom } from './lib/initiatives-db';

const INITIATIVES = Number(process.env.LOAD_INITIATIVES ?? 1_000_000);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 100);

export interface LoadFigure {
	target: string;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Socket errors (resets, refused) — autocannon counts timeouts among them too. */
	errors: number;
	timeouts: number;
	non2xx: number;
	requests: number;
}

async function hammer(name: string, url: string, paths: string[], cookie: string): Promise<LoadFigure> {
	let next = 0;
	const result = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: SECONDS,
		headers: { cookie },
		requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }]
	});
	const figure: LoadFigure = {
		target: name,
		requestsPerSecond: result.requests.average,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx,
		requests: result.requests.total
	};
	console.log(
		`  ${name.padEnd(34)} ${figure.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${figure.p50Ms} ms  p99 ${figure.p99Ms} ms  ` +
			`errors ${figure.errors} (timeouts ${figure.timeouts})  non-2xx ${figure.non2xx}`
	);
	return figure;
}

/** Runs both load targets (and, with `baseline`, /healthz as the HTTP stack's floor) and returns their figures. */
export async function runLoad(baseline = false): Promise<LoadFigure[]> {
	console.log(`HTTP load — ${INITIATIVES.toLocaleString('en')} initiatives, ${CONNECTIONS} connections × ${SECONDS} s, loopback, ${cpus().length} CPU(s)`);
	const dataDir = benchDataDir(INITIATIVES);
	const server = await startServer({ dataDir });
	try {
		const client = new Client(server.url);
		await client.signup({ displayName: 'Charge' });
		const random = seededRandom(42);
		const pick = populationPicker(loadPlaces(), random);
		await client.patch('/api/me', { home: { lat: 45.764, lng: 4.8357 } });
		const nearPaths = Array.from({ length: 2000 }, () => {
			const place = pick();
			return `/api/initiatives/near?lat=${place[3].toFixed(4)}&lng=${place[4].toFixed(4)}&radiusKm=10&limit=20`;
		});
		const check = await client.get(nearPaths[0]);
		if (check.status !== 200) throw new Error(`near answered ${check.status}: ${check.text.slice(0, 200)}`);
		const figures = [
			await hammer('GET /api/initiatives/near (1M)', server.url, nearPaths, client.cookie),
			await hammer('GET / (feed page, signed in)', server.url, ['/'], client.cookie)
		];
		if (baseline) figures.push(await hammer('GET /healthz (baseline)', server.url, ['/healthz'], client.cookie));
		return figures;
	} finally {
		await server.dispose();
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const figures = await runLoad();
	const dir = fileURLToPath(new URL('./results', import.meta.url));
	mkdirSync(dir, { recursive: true });
	writeFileSync(`${dir}/load.json`, JSON.stringify({ date: new Date().toISOString(), initiatives: INITIATIVES, connections: CONNECTIONS, seconds: SECONDS, figures }, null, 2) + '\n');
}
