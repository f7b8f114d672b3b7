/**
 * `npm run bench:offline-start` (after `npm run build`): a true cold start of
 * the installed app with no network, to the feed's first card, in Chromium.
 * The service worker is installed and the person's pages kept; then the
 * context goes offline and, before each run, the service worker is stopped
 * through the DevTools protocol (ServiceWorker.stopAllWorkers), so the run
 * pays for starting it again, as a phone that killed it would.
 * Figures only (median and spread; target < 1 s); never fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { startServer } from '../tests/helpers/server';
import { launchInstalledApp } from './lib/installed-app';
import { clientOf, LYON, signUp, waitForController } from '../tests/e2e/pwa-helpers';

const RUNS = Number(process.env.OFFLINE_START_RUNS ?? 9);
/** Baseline: the same start with the worker left running (OFFLINE_START_KEEP_WORKER=1). */
const KEEP_WORKER = process.env.OFFLINE_START_KEEP_WORKER === '1';
const server = await startServer();
const app = await launchInstalledApp();
const { context } = app;
try {
	await signUp(context, server.url, 'Bench');
	const api = await clientOf(context, server.url);
	for (let i = 0; i < 12; i++) {
		await api.post('/api/initiatives', { title: `Initiative ${i + 1}`, summary: 'Banc d’essai', category: 'food', lat: LYON.lat + i / 1000, lng: LYON.lng });
	}
	const warm = await context.newPage();
	await warm.goto(server.url + '/');
	await waitForController(warm);
	await warm.goto(server.url + '/');
	await warm.locator('.initiative-card').first().waitFor();
	await warm.locator('html[data-offline-ready]').waitFor({ state: 'attached' });
	await warm.close();

	await context.setOffline(true);
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const page = await context.newPage();
		if (!KEEP_WORKER) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('ServiceWorker.enable');
			await cdp.send('ServiceWorker.stopAllWorkers');
			await cdp.detach();
		}
		const started = performance.now();
		await page.goto(server.url + '/', { waitUntil: 'commit' });
		await page.locator('.initiative-card').first().waitFor();
		times.push(Math.round(performance.now() - started));
		await page.close();
	}
	const sorted = [...times].sort((a, b) => a - b);
	const result = {
		measuredAt: new Date().toISOString(),
		runs: times,
		medianMs: sorted[Math.floor(sorted.length / 2)],
		minMs: sorted[0],
		maxMs: sorted.at(-1),
		targetMs: 1000,
		note: `new page, offline, service worker ${KEEP_WORKER ? 'left running' : 'stopped first (CDP)'}, to the first feed card visible`
	};
	mkdirSync(new URL('./results', import.meta.url).pathname, { recursive: true });
	writeFileSync(new URL('./results/offline-start.json', import.meta.url).pathname, JSON.stringify(result, null, 2));
	console.log(
		`Offline cold start (service worker ${KEEP_WORKER ? "left running" : "stopped"}) to the first feed card: median ${result.medianMs} ms, ` +
			`min ${result.minMs} ms, max ${result.maxMs} ms over ${RUNS} runs (target < 1000 ms): ${times.join(', ')}`
	);
} finally {
	await app.close();
	await server.dispose();
}
