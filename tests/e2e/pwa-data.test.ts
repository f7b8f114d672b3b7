/** "Mes données" on a device: the export, clearing the device, and one device shared by two people. */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Download, Page } from 'playwright-core';
import * as Y from 'yjs';
import { readTasks } from '../../src/lib/domain/workspace';
import { useServerAndBrowser } from '../helpers/browser';
import { clientOf, LYON, signUp, waitForController } from './pwa-helpers';

const env = useServerAndBrowser();

const mobile = { viewport: { width: 390, height: 844 } };
/** Away from my home (LYON), so that coordinates found in the export can be told apart. */
const VILLEURBANNE = { lat: 45.7719, lng: 4.8902 };

async function createInitiative(context: BrowserContext, title: string): Promise<string> {
	const api = await clientOf(context, env.server.url);
	const res = await api.post('/api/initiatives', { title, summary: 'Résumé', category: 'food', ...VILLEURBANNE });
	return res.body.initiative.id as string;
}

async function addTask(page: Page, id: string, title: string): Promise<void> {
	await page.goto(`${env.server.url}/initiatives/${id}`);
	// A tap before the page is live does nothing: wait for the workspace to show its sync state.
	await page.getByRole('status', { name: 'État de la synchronisation' }).waitFor();
	await page.getByRole('tab', { name: 'Tâches' }).click();
	await page.getByLabel('Nouvelle tâche').fill(title);
	await page.getByRole('button', { name: 'Ajouter' }).click();
	await page.getByLabel(`Terminée : ${title}`).waitFor();
}

const databases = (page: Page) =>
	page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('kohero')));
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const personal = (names: string[]) => names.filter((n) => /^kohero-(pages|data|shell)-|^kohero-api$/.test(n));

describe('my data on this device', () => {
	it('exports my profile, initiatives and readable workspaces, and a GeoJSON; nobody else’s home', async () => {
		const context = await env.browser.newContext(mobile);
		const me = await signUp(context, env.server.url, 'Inès');
		const id = await createInitiative(context, 'Vergers partagés');
		// A neighbour who shows her home to the "people nearby" search joins and writes.
		const other = await env.browser.newContext(mobile);
		await signUp(other, env.server.url, 'Odile');
		const otherApi = await clientOf(other, env.server.url);
		await otherApi.patch('/api/me', { discoverable: true, home: { lat: 45.7512, lng: 4.8123 } });
		await otherApi.post(`/api/initiatives/${id}/join`);

		const page = await context.newPage();
		await addTask(page, id, 'Tailler les pommiers');
		await page.getByRole('tab', { name: 'Discussion' }).click();
		await page.getByLabel('Votre message').fill('Rendez-vous samedi');
		await page.getByRole('button', { name: 'Envoyer' }).click();
		await page.getByText('Rendez-vous samedi').waitFor();
		await page.getByRole('tab', { name: 'Idées' }).click();
		await page.getByLabel('Votre idée').fill('Un pressoir commun');
		await page.getByRole('button', { name: 'Proposer' }).click();
		await page.getByText('Un pressoir commun', { exact: true }).waitFor();

		await page.goto(env.server.url + '/settings');
		const downloads: Download[] = [];
		page.on('download', (d) => downloads.push(d));
		const first = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Exporter mes données' }).click();
		await first;
		await expect.poll(() => downloads.length).toBe(2);
		const read = async (d: Download) => JSON.parse((await (await d.createReadStream()).toArray()).join(''));
		const json = await read(downloads.find((d) => d.suggestedFilename().endsWith('.json'))!);
		const geojson = await read(downloads.find((d) => d.suggestedFilename().endsWith('.geojson'))!);

		expect(json.profile).toMatchObject({ id: me.id, displayName: 'Inès', home: LYON });
		expect(json.initiatives).toHaveLength(1);
		const [exported] = json.initiatives;
		expect(exported).toMatchObject({ id, title: 'Vergers partagés', role: 'owner' });
		expect(exported.workspace.tasks.map((t: { title: string }) => t.title)).toEqual(['Tailler les pommiers']);
		expect(exported.workspace.messages.map((m: { text: string }) => m.text)).toEqual(['Rendez-vous samedi']);
		expect(exported.workspace.ideas.map((i: { text: string }) => i.text)).toEqual(['Un pressoir commun']);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Buffer.from(exported.workspace.yjsUpdateBase64, 'base64'));
		expect(readTasks(doc)).toEqual(exported.workspace.tasks);

		// My exact home is in my profile only; another person's never appears.
		const { profile, ...rest } = json;
		expect(JSON.stringify(profile)).toContain(String(LYON.lng));
		for (const text of [JSON.stringify(rest), JSON.stringify(geojson)]) {
			expect(text).not.toContain(String(LYON.lat));
			expect(text).not.toContain(String(LYON.lng));
		}
		for (const text of [JSON.stringify(json), JSON.stringify(geojson)]) expect(text).not.toMatch(/45\.7512|4\.8123/);

		expect(geojson.type).toBe('FeatureCollection');
		expect(geojson.features).toEqual([
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [VILLEURBANNE.lng, VILLEURBANNE.lat] },
				properties: expect.objectContaining({ id, title: 'Vergers partagés', category: 'food' })
			}
		]);
		await Promise.all([context.close(), other.close()]);
	});

	it('clears the device from the settings, warning first about unsent changes', async () => {
		const context = await env.browser.newContext(mobile);
		await signUp(context, env.server.url, 'Paul');
		const id = await createInitiative(context, 'Compost du quartier');
		const page = await context.newPage();
		await page.goto(env.server.url + '/settings');
		await waitForController(page);
		await page.goto(env.server.url + '/profile');
		await addTask(page, id, 'Retourner le compost');
		await page.goto(env.server.url + '/settings');
		expect((await databases(page)).some((n) => n.startsWith('kohero-doc-'))).toBe(true);

		await context.setOffline(true);
		await page.goto(env.server.url + '/profile');
		await page.getByLabel('Quelques mots sur vous').fill('Écrit hors ligne');
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await page.getByText('en attente de connexion').waitFor();
		await page.goto(env.server.url + '/settings');
		await page.getByRole('button', { name: 'Effacer les données de cet appareil' }).click();
		await page.getByText('Attention : 1 modification n’a pas encore été envoyée et sera perdue.').waitFor();
		await page.getByRole('button', { name: 'Effacer les données de cet appareil' }).click();
		await page.getByText('Les données de cet appareil ont été effacées.').waitFor();

		expect((await databases(page)).filter((n) => n.startsWith('kohero-doc-'))).toEqual([]);
		expect(personal(await cacheNames(page))).toEqual([]);
		// Still signed in: Dexie may be opened again, but holds nothing of before.
		const outbox = await page.evaluate(async () => {
			const names = (await indexedDB.databases()).map((d) => d.name);
			if (!names.includes('kohero')) return 0;
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open('kohero');
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			if (!db.objectStoreNames.contains('outbox')) return 0;
			return new Promise<number>((resolve) => {
				const req = db.transaction('outbox').objectStore('outbox').count();
				req.onsuccess = () => resolve(req.result);
			});
		});
		expect(outbox).toBe(0);
		await context.close();
	});

	it('logging out with "effacer" leaves no database and no personal cache', async () => {
		const context = await env.browser.newContext(mobile);
		await signUp(context, env.server.url, 'Rémi');
		const id = await createInitiative(context, 'Atelier vélo');
		const page = await context.newPage();
		await page.goto(env.server.url + '/');
		await waitForController(page);
		await addTask(page, id, 'Graisser les chaînes');
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await page.getByLabel(/Effacer aussi les données/).check();
		await Promise.all([page.waitForEvent('load'), page.getByRole('dialog').getByRole('button', { name: 'Me déconnecter' }).click()]);
		await page.getByRole('link', { name: 'Créer un compte' }).first().waitFor();
		expect(await databases(page)).toEqual([]);
		// The signed-out home page just shown may be cached again; nothing seen while signed in is.
		const cached = await page.evaluate(async () => {
			const names = (await caches.keys()).filter((n) => /^kohero-(pages|data|api)/.test(n));
			const bodies = await Promise.all(
				names.map(async (name) => {
					const cache = await caches.open(name);
					const responses = await Promise.all((await cache.keys()).map((r) => cache.match(r)));
					return Promise.all(responses.map((r) => r?.text() ?? ''));
				})
			);
			return { names, text: bodies.flat().join('\n') };
		});
		expect(cached.names).not.toContain('kohero-api');
		expect(cached.text).not.toContain('Rémi');
		await context.close();
	});

	it('the next person signing in on the device never gets the previous one’s workspace copies', async () => {
		const context = await env.browser.newContext(mobile);
		await signUp(context, env.server.url, 'Sarah');
		const id = await createInitiative(context, 'Jardin de Sarah');
		const page = await context.newPage();
		await addTask(page, id, 'Semer les radis');
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Me déconnecter' }).click();
		await page.getByRole('link', { name: 'Créer un compte' }).first().waitFor();
		// Without "effacer", the copy stays while nobody is signed in…
		expect(await databases(page)).toContain(`kohero-doc-${id}`);

		// …and is gone as soon as the next person signs in (their workspaces wait for it).
		const next = await signUp(context, env.server.url, 'Théo');
		await page.goto(env.server.url + '/');
		await expect.poll(async () => (await databases(page)).includes(`kohero-doc-${id}`)).toBe(false);
		expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kohero.last')))).toEqual([]);
		expect(next.id).toBeTruthy();
		await context.close();
	});
});
