/**
 * `npm run bench:sync-back` (after `npm run build`): the time from "network
 * back" to "every pending document acknowledged by the relay" for 20
 * documents with edits made offline, in Chromium, with the feed open (no
 * workspace open: the sync manager alone sends them). Each round adds one task
 * to each document's IndexedDB copy offline, reloads the app offline (the
 * start-up sweep finds "20 en attente"), then turns the network on and waits
 * for the header's "Synchronisé". The relay's copy is checked after each round.
 * Figures only (median and spread over rounds); never fails on time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { startServer } from '../tests/helpers/server';
import { launchInstalledApp } from './lib/installed-app';
import { clientOf, LYON, signUp, waitForController } from '../tests/e2e/pwa-helpers';
import { connectClient, synced } from '../tests/relay/helpers';
import { addTask, readTasks } from '../src/lib/domain/workspace';

const DOCS = Number(process.env.SYNC_BACK_DOCS ?? 20);
const ROUNDS = Number(process.env.SYNC_BACK_ROUNDS ?? 5);
const TIMEOUT_MS = 120_000;

/** One offline edit per document: a task added by a Y.Doc of its own, as a workspace would. */
function offlineEdit(round: number, doc: number): number[] {
	const ydoc = new Y.Doc();
	addTask(ydoc, { id: `bench-${round}-${doc}-${Math.random().toString(36).slice(2, 8)}`, title: `Tâche ${round}`, createdBy: 'bench', now: Date.now() });
	const update = Y.encodeStateAsUpdate(ydoc);
	ydoc.destroy();
	return [...update];
}

const server = await startServer();
const app = await launchInstalledApp();
const { context } = app;
try {
	const me = await signUp(context, server.url, 'Bench');
	const api = await clientOf(context, server.url);
	const ids: string[] = [];
	for (let i = 0; i < DOCS; i++) {
		const res = await api.post('/api/initiatives', { title: `Chantier ${i + 1}`, summary: '', category: 'food', ...LYON });
		ids.push(res.body.initiative.id as string);
	}
	const page = await context.newPage();
	await page.goto(server.url + '/');
	await waitForController(page);
	await page.locator('html[data-offline-ready]').waitFor({ state: 'attached', timeout: TIMEOUT_MS });
	const label = page.getByTestId('sync-label');

	const times: number[] = [];
	for (let round = 1; round <= ROUNDS; round++) {
		await context.setOffline(true);
		await page.evaluate(
			async (edits: [string, number[]][]) => {
				for (const [docId, bytes] of edits) {
					const db = await new Promise<IDBDatabase>((resolve, reject) => {
						const req = indexedDB.open(`kohero-doc-${docId}`);
						req.onupgradeneeded = () => {
							req.result.createObjectStore('updates', { autoIncrement: true });
							req.result.createObjectStore('custom');
						};
						req.onsuccess = () => resolve(req.result);
						req.onerror = () => reject(req.error);
					});
					await new Promise<void>((resolve, reject) => {
						const tx = db.transaction('updates', 'readwrite');
						tx.objectStore('updates').add(new Uint8Array(bytes));
						tx.oncomplete = () => resolve();
						tx.onerror = () => reject(tx.error);
					});
					db.close();
				}
			},
			ids.map((id, i) => [id, offlineEdit(round, i)] as [string, number[]])
		);
		// A cold start offline: the start-up sweep finds every pending document.
		await page.reload();
		await page.waitForFunction((n) => document.querySelector('[data-testid="sync-label"]')?.textContent?.includes(`${n} en attente`), DOCS, { timeout: TIMEOUT_MS });
		const started = performance.now();
		await context.setOffline(false);
		await page.waitForFunction(() => /^Synchronisé/.test(document.querySelector('[data-testid="sync-label"]')?.textContent ?? ''), null, { timeout: TIMEOUT_MS, polling: 10 });
		times.push(Math.round(performance.now() - started));
		// Outside the timing: the relay really holds every round's task.
		for (const id of ids) {
			const reader = connectClient(server.wsUrl, id, api.cookie);
			await synced(reader);
			const count = readTasks(reader.doc).filter((t) => t.title === `Tâche ${round}`).length;
			reader.destroy();
			if (count !== 1) throw new Error(`round ${round}: ${id} holds ${count} copies of its task`);
		}
		console.log(`round ${round}: ${times.at(-1)} ms (${await label.textContent()})`);
	}
	const sorted = [...times].sort((a, b) => a - b);
	const result = {
		measuredAt: new Date().toISOString(),
		docs: DOCS,
		runs: times,
		medianMs: sorted[Math.floor(sorted.length / 2)],
		minMs: sorted[0],
		maxMs: sorted.at(-1),
		user: me.id,
		note: `network back → header "Synchronisé" (every one of ${DOCS} documents acknowledged by the relay), feed open, app reloaded offline first`
	};
	mkdirSync(new URL('./results', import.meta.url).pathname, { recursive: true });
	writeFileSync(new URL('./results/sync-back.json', import.meta.url).pathname, JSON.stringify(result, null, 2));
	console.log(
		`Network back → ${DOCS} pending documents acknowledged: median ${result.medianMs} ms, min ${result.minMs} ms, ` +
			`max ${result.maxMs} ms over ${ROUNDS} rounds: ${times.join(', ')}`
	);
} finally {
	await app.close();
	await server.dispose();
}
