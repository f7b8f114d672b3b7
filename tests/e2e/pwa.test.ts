import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, seriousA11yViolations, waitUntilEnabled } from '../helpers/browser';
import type { TestServer } from '../helpers/server';
import { clientOf, LYON, signUp, useServerWithSwSuffix, waitForController } from './pwa-helpers';

const setup = useServerWithSwSuffix();
let server: TestServer;
let browser: Browser;
beforeAll(() => {
	server = setup.server();
	browser = setup.browser();
});

const mobile = { viewport: { width: 390, height: 844 } };

describe('installable offline app', () => {
	it('is installable: no installability error and the manifest fields are present', async () => {
		// Chromium refuses installation in incognito contexts: use a real profile.
		const profile = mkdtempSync(join(tmpdir(), 'kohero-profile-'));
		const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...mobile });
		const page = await context.newPage();
		await page.goto(server.url + '/');
		await waitForController(page);
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
			installabilityErrors: { errorId: string }[];
		};
		expect(installabilityErrors).toEqual([]);
		const manifest = await page.evaluate(() => fetch('/manifest.webmanifest').then((r) => r.json()));
		expect(manifest).toMatchObject({ short_name: 'Kohero', lang: 'fr', display: 'standalone', start_url: '/' });
		expect(manifest.name).toContain('Kohero');
		expect(manifest.description).toBeTruthy();
		expect(manifest.theme_color).toBeTruthy();
		expect(manifest.background_color).toBeTruthy();
		const sizes = manifest.icons.map((i: { sizes: string; purpose?: string }) => `${i.sizes}:${i.purpose ?? 'any'}`);
		expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '192x192:maskable', '512x512:maskable']));
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	});

	it('reloads offline: shell, cached feed and an opened workspace render, and the workspace accepts edits', async () => {
		const context = await browser.newContext(mobile);
		const me = await signUp(context, server.url, 'Nadia');
		const api = await clientOf(context, server.url);
		const created = await api.post('/api/initiatives', {
			title: 'Jardin partagé de la Croix-Rousse',
			summary: 'Potager collectif',
			category: 'food',
			...LYON,
			placeName: 'Lyon'
		});
		expect(created.status).toBe(201);
		const id = created.body.initiative.id as string;
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.goto(server.url + '/');
		await waitForController(page);
		// Visit once under the service worker, as a person would before losing the network.
		await page.goto(server.url + '/');
		await page.getByRole('link', { name: 'Jardin partagé de la Croix-Rousse' }).waitFor();
		await page.goto(`${server.url}/initiatives/${id}`);
		await page.getByRole('tab', { name: 'Tâches' }).click();
		await page.getByLabel('Nouvelle tâche').fill('Acheter des graines');
		await page.getByRole('button', { name: 'Ajouter' }).click();
		await page.getByLabel('Terminée : Acheter des graines').waitFor();

		await context.setOffline(true);
		await page.goto(server.url + '/');
		await page.getByRole('link', { name: 'Jardin partagé de la Croix-Rousse' }).waitFor();
		await page.getByRole('button', { name: /^Hors ligne/ }).waitFor();
		await page.reload();
		await page.getByRole('link', { name: 'Jardin partagé de la Croix-Rousse' }).waitFor();
		await page.goto(`${server.url}/initiatives/${id}`);
		await page.getByRole('heading', { name: 'Jardin partagé de la Croix-Rousse' }).waitFor();
		await page.getByRole('tab', { name: 'Tâches' }).click();
		await page.getByLabel('Terminée : Acheter des graines').waitFor();
		await page.getByLabel('Nouvelle tâche').fill('Préparer les bacs');
		await page.getByRole('button', { name: 'Ajouter' }).click();
		await page.getByLabel('Terminée : Préparer les bacs').waitFor();
		expect(errors).toEqual([]);
		expect(me.id).toBeTruthy();
		await context.close();
	});
});

describe('offline changes and updates', () => {
	it('replays an offline create, join and profile change exactly once; another person sees the initiative', async () => {
		const bob = await browser.newContext(mobile);
		await signUp(bob, server.url, 'Bob');
		const bobApi = await clientOf(bob, server.url);
		const bobs = await bobApi.post('/api/initiatives', { title: 'Repair café de Bob', summary: '', category: 'solidarity', ...LYON });
		const bobsId = bobs.body.initiative.id as string;

		const context = await browser.newContext(mobile);
		await signUp(context, server.url, 'Alice');
		const page = await context.newPage();
		await page.goto(server.url + '/');
		await waitForController(page);
		for (const path of ['/', '/initiatives/new', `/initiatives/${bobsId}`, '/profile']) await page.goto(server.url + path);

		await context.setOffline(true);
		await page.goto(server.url + '/initiatives/new');
		// The place search listens only once the page is live: wait for that before typing into it.
		await waitUntilEnabled(page.getByRole('button', { name: 'Publier' }));
		await page.getByLabel('Titre').fill('Covoiturage des pentes');
		await page.getByLabel('Résumé').fill('Partager nos trajets');
		await page.getByLabel('Catégorie').selectOption('mobility');
		await page.getByRole('combobox', { name: 'Rechercher une commune' }).fill('Villeurb');
		await page.getByRole('option', { name: /Villeurbanne/ }).waitFor();
		await page.getByRole('combobox', { name: 'Rechercher une commune' }).press('Enter');
		await page.getByRole('button', { name: 'Publier' }).click();
		await page.getByRole('heading', { name: 'Covoiturage des pentes' }).waitFor();
		await page.getByText('en attente de connexion').first().waitFor();
		const newId = new URL(page.url()).pathname.split('/').pop()!;

		await page.goto(`${server.url}/initiatives/${bobsId}`);
		await page.getByRole('button', { name: 'Rejoindre', exact: true }).click();
		await page.getByRole('button', { name: 'Quitter' }).waitFor();
		await page.goto(server.url + '/profile');
		await page.getByLabel('Quelques mots sur vous').fill('Écrit hors ligne');
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await page.getByText('en attente de connexion').waitFor();
		// Survives a reload while offline.
		await page.reload();
		await expect.poll(() => page.getByTestId('sync-label').textContent()).toMatch(/^Hors ligne · 3 en attente$/);

		await context.setOffline(false);
		await expect.poll(() => page.getByTestId('sync-label').textContent(), { timeout: 20_000 }).toMatch(/^Synchronisé/);
		const api = await clientOf(context, server.url);
		const mine = await api.get('/api/me/initiatives');
		expect(mine.body.items.filter((i: { title: string }) => i.title === 'Covoiturage des pentes')).toHaveLength(1);
		expect((await api.get(`/api/initiatives/${newId}`)).body.viewerRole).toBe('owner');
		const members = await api.get(`/api/initiatives/${bobsId}/members`);
		expect(members.body.items.filter((m: { user: { displayName: string } }) => m.user.displayName === 'Alice')).toHaveLength(1);
		expect((await api.get('/api/me')).body.user.bio).toBe('Écrit hors ligne');

		const bobPage = await bob.newPage();
		await bobPage.goto(server.url + '/');
		await bobPage.getByRole('link', { name: 'Covoiturage des pentes' }).waitFor();
		await Promise.all([context.close(), bob.close()]);
	});

	it('two people edit the same workspace offline; back online both converge and nothing is lost', async () => {
		const a = await browser.newContext(mobile);
		const b = await browser.newContext(mobile);
		await signUp(a, server.url, 'Aya');
		await signUp(b, server.url, 'Ben');
		const aApi = await clientOf(a, server.url);
		const bApi = await clientOf(b, server.url);
		const id = (await aApi.post('/api/initiatives', { title: 'Fête des voisins', summary: '', category: 'culture', ...LYON })).body
			.initiative.id as string;
		await bApi.post(`/api/initiatives/${id}/join`);
		const pages = await Promise.all([a.newPage(), b.newPage()]);
		for (const page of pages) {
			await page.goto(`${server.url}/initiatives/${id}`);
			await waitForController(page);
			await page.reload();
			await page.getByRole('tab', { name: 'Tâches' }).click();
			await page.getByLabel('Nouvelle tâche').waitFor();
		}
		await Promise.all([a.setOffline(true), b.setOffline(true)]);
		const titles = [['Apporter des chaises', 'Faire les affiches'], ['Préparer la soupe', 'Demander la salle']];
		for (const [i, page] of pages.entries()) {
			for (const title of titles[i]) {
				await page.getByLabel('Nouvelle tâche').fill(title);
				await page.getByRole('button', { name: 'Ajouter' }).click();
				await page.getByLabel(`Terminée : ${title}`).waitFor();
			}
		}
		await Promise.all([a.setOffline(false), b.setOffline(false)]);
		for (const page of pages) {
			for (const title of titles.flat()) await page.getByLabel(`Terminée : ${title}`).waitFor({ timeout: 20_000 });
		}
		await Promise.all([a.close(), b.close()]);
	});

	it('announces a new version and applies it on tap', async () => {
		const context = await browser.newContext(mobile);
		await signUp(context, server.url, 'Chloé');
		const page = await context.newPage();
		await page.goto(server.url + '/settings');
		await waitForController(page);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.getByText(/utilisés sur/).waitFor();

		setup.writeSuffix(`// version ${Date.now()}\n`);
		await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
		await page.getByText('Une nouvelle version est disponible').waitFor();
		const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
		await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Mettre à jour' }).click()]);
		await waitForController(page);
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(before);
		await page.getByRole('heading', { name: 'Réglages' }).waitFor();
		expect(await page.getByText('Une nouvelle version est disponible').count()).toBe(0);
		await context.close();
	});
});
