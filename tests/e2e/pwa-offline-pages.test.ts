/** Pages that must still show something useful with no network: the map and "Mes initiatives". */
import { describe, expect, it } from 'vitest';
import { useServerAndBrowser, waitUntilEnabled } from '../helpers/browser';
import { clientOf, LYON, signUp, waitForController } from './pwa-helpers';

const env = useServerAndBrowser();

const mobile = { viewport: { width: 390, height: 844 } };

describe('offline pages', () => {
	it('the map reloads offline: embedded basemap and the initiatives last fetched', async () => {
		const context = await env.browser.newContext(mobile);
		await signUp(context, env.server.url, 'Maëlle');
		const api = await clientOf(context, env.server.url);
		await api.post('/api/initiatives', { title: 'Ruches de la Guillotière', summary: '', category: 'environment', ...LYON });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.goto(env.server.url + '/');
		await waitForController(page);
		await page.goto(env.server.url + '/map');
		await page.locator('.maplibregl-canvas').waitFor();
		await page.getByRole('link', { name: 'Ruches de la Guillotière' }).waitFor();

		await context.setOffline(true);
		const failed: string[] = [];
		page.on('requestfailed', (r) => failed.push(r.url()));
		const warnings: string[] = [];
		page.on('console', (m) => m.text().startsWith('map') && warnings.push(m.text()));
		await page.reload();
		await page.locator('.maplibregl-canvas').waitFor();
		await page.getByRole('link', { name: 'Ruches de la Guillotière' }).waitFor();
		// The style and its basemap source (precached) loaded: maplibre fired `load`, and no map error.
		await page.locator('.map-view[data-status="ready"]').waitFor();
		expect(warnings).toEqual([]);
		expect(await page.getByText("La carte n'a pas pu s'afficher").count()).toBe(0);
		expect(failed.filter((url) => url.includes('/map/') || url.includes('style'))).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('"Mes initiatives" renders offline from the local cache, with creations marked pending', async () => {
		const context = await env.browser.newContext(mobile);
		await signUp(context, env.server.url, 'Nolan');
		const api = await clientOf(context, env.server.url);
		await api.post('/api/initiatives', { title: 'Bibliothèque de rue', summary: '', category: 'culture', ...LYON });
		const page = await context.newPage();
		await page.goto(env.server.url + '/');
		await waitForController(page);
		// Online visits: /mine fills the device's cache, /initiatives/new is kept by the service worker.
		await page.goto(env.server.url + '/mine');
		await page.getByRole('link', { name: 'Bibliothèque de rue' }).waitFor();
		await expect
			.poll(() => page.evaluate(() => new Promise<number>((resolve) => {
				const req = indexedDB.open('kohero');
				req.onsuccess = () => {
					const db = req.result;
					if (!db.objectStoreNames.contains('initiatives')) return resolve(0);
					const count = db.transaction('initiatives').objectStore('initiatives').count();
					count.onsuccess = () => resolve(count.result);
				};
				req.onerror = () => resolve(0);
			})), { timeout: 10_000 })
			.toBeGreaterThan(0);
		await page.goto(env.server.url + '/initiatives/new');
		await page.getByLabel('Titre').waitFor();

		await context.setOffline(true);
		await page.goto(env.server.url + '/initiatives/new');
		// The place search listens only once the page is live: wait for that before typing into it.
		await waitUntilEnabled(page.getByRole('button', { name: 'Publier' }));
		await page.getByLabel('Titre').fill('Troc de plantes');
		await page.getByLabel('Catégorie').selectOption('environment');
		await page.getByRole('combobox', { name: 'Rechercher une commune' }).fill('Villeurb');
		await page.getByRole('option', { name: /Villeurbanne/ }).waitFor();
		await page.getByRole('combobox', { name: 'Rechercher une commune' }).press('Enter');
		await page.getByRole('button', { name: 'Publier' }).click();
		await page.getByRole('heading', { name: 'Troc de plantes' }).waitFor();

		await page.goto(env.server.url + '/mine');
		await page.getByText('Hors ligne : vos initiatives telles qu’enregistrées sur cet appareil.').waitFor();
		const created = page.getByRole('listitem').filter({ hasText: 'Troc de plantes' });
		await created.getByText('en attente de connexion').waitFor();
		await page.getByRole('link', { name: 'Bibliothèque de rue' }).waitFor();
		expect(await page.getByRole('listitem').filter({ hasText: 'Bibliothèque de rue' }).getByText('en attente de connexion').count()).toBe(0);
		await page.screenshot({ path: '/tmp/pwa2-mine-offline.png' });

		// Back online: the creation is sent and the list comes from the server again.
		await context.setOffline(false);
		await expect.poll(async () => (await api.get('/api/me/initiatives')).body.items.length, { timeout: 20_000 }).toBe(2);
		await page.goto(env.server.url + '/mine');
		await page.getByRole('link', { name: 'Troc de plantes' }).waitFor();
		expect(await page.getByText('en attente de connexion').count()).toBe(0);
		await context.close();
	});
});
