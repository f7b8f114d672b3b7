/**
 * Issue 4 end to end in real Chromium: create an initiative in Lyon with the
 * place search, find it from Villeurbanne in the feed and on the map, join it,
 * and not from Marseille at 25 km. axe-core checks each main page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server';
import { Client } from '../helpers/client';
import { holdAppScripts, launchBrowser, seriousA11yViolations, waitUntilEnabled } from '../helpers/browser';

const HOMES = {
	lyon: { lat: 45.764, lng: 4.8357 },
	villeurbanne: { lat: 45.7719, lng: 4.8902 },
	marseille: { lat: 43.2965, lng: 5.3698 }
};
const TITLE = `Repair café des Pentes ${Date.now().toString(36)}`;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A signed-up user with a home, and a browser page carrying their session. */
async function userPage(displayName: string, home: { lat: number; lng: number }): Promise<{ client: Client; page: Page }> {
	const client = new Client(server.url);
	await client.signup({ displayName });
	const res = await client.patch('/api/me', { home });
	expect(res.status).toBe(200);
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
	contexts.push(context);
	const [name, value] = client.cookie.split('=');
	await context.addCookies([{ name, value, url: server.url }]);
	const page = await context.newPage();
	page.on('dialog', (dialog) => {
		throw new Error(`unexpected dialog: ${dialog.message()}`);
	});
	return { client, page };
}

async function expectAccessible(page: Page): Promise<void> {
	expect(await seriousA11yViolations(page)).toEqual([]);
}

beforeAll(async () => {
	server = await startServer();
	browser = await launchBrowser();
});

afterAll(async () => {
	for (const context of contexts) await context.close();
	await browser?.close();
	await server?.dispose();
});

describe('initiatives near you', () => {
	let initiativeUrl = '';
	let ownerPage: Page;

	it('creates an initiative in Lyon with the place search', async () => {
		const { page } = await userPage('Alice', HOMES.lyon);
		ownerPage = page;
		await page.goto(`${server.url}/initiatives/new`);
		// The place search listens only once the page is live: wait for that before typing into it.
		await waitUntilEnabled(page.getByRole('button', { name: 'Publier' }));
		await page.getByLabel('Titre').fill(TITLE);
		await page.getByLabel('Résumé').fill('Réparons ensemble vélos, grille-pain et lampes, un samedi par mois.');
		await page.getByLabel('Catégorie').selectOption('environment');
		await page.getByRole('combobox', { name: 'Rechercher une commune' }).fill('Lyon');
		await page.getByRole('option', { name: /^Lyon 6900/ }).first().waitFor();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('#place-status').textContent()).toContain('Lieu choisi : Lyon');
		await page.locator('.maplibregl-canvas').waitFor();
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Publier' }).click();
		await page.waitForURL(/\/initiatives\/[A-Za-z0-9_-]{8,64}$/);
		initiativeUrl = page.url();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
		expect(await page.getByText('Fondateur·rice').count()).toBeGreaterThan(0);
		await expectAccessible(page);

		// The only founder cannot leave: the 409 is explained in French.
		await page.getByRole('button', { name: 'Quitter' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Quitter' }).click();
		await page.getByRole('alert').filter({ hasText: 'seule personne fondatrice' }).waitFor();
	});

	it('shows it to a neighbour in Villeurbanne in the feed and on the map, who joins it', async () => {
		const { page } = await userPage('Bruno', HOMES.villeurbanne);
		await page.goto(server.url);
		const card = page.locator('article', { hasText: TITLE });
		await card.waitFor();
		expect(await card.textContent()).toMatch(/à \d+,\d\skm/);
		expect(await page.getByRole('button', { name: '10 km' }).getAttribute('aria-pressed')).toBe('true');
		await expectAccessible(page);

		await page.goto(`${server.url}/map`);
		await page.locator('.maplibregl-canvas').waitFor();
		const listed = page.getByRole('link', { name: TITLE });
		await listed.waitFor();
		const download = await page.getByRole('link', { name: /Télécharger les données ouvertes/ }).getAttribute('href');
		expect(download).toMatch(/^\/api\/initiatives\.geojson\?bbox=/);
		const geojson = await (await fetch(server.url + download)).json();
		expect(geojson.features.some((f: { properties: { title: string } }) => f.properties.title === TITLE)).toBe(true);
		await expectAccessible(page);

		await listed.click();
		await page.waitForURL(initiativeUrl);
		await page.getByRole('button', { name: 'Rejoindre', exact: true }).click();
		await page.getByRole('button', { name: 'Quitter' }).waitFor();
		// Joining keeps the page as it was opened (the workspace is not remounted).
		await page.getByRole('heading', { name: 'Espace de travail' }).waitFor();
		await page.locator('.members li', { hasText: 'Bruno' }).getByText('Membre').waitFor();

		// The owner makes the new member an admin.
		await ownerPage.reload();
		// On a phone a member lands on the workspace; the members are one tap away.
		await ownerPage.getByRole('tab', { name: 'Présentation et membres' }).click();
		await ownerPage.getByRole('button', { name: 'Nommer admin — Bruno' }).click();
		await ownerPage.locator('.members li', { hasText: 'Bruno' }).getByText('Admin', { exact: true }).waitFor();
	});

	it('hears « Rejoindre » tapped before the page is live (a slow phone opening a shared link)', async () => {
		const { page } = await userPage('Djamel', HOMES.villeurbanne);
		const letScriptsThrough = await holdAppScripts(page);
		await page.goto(initiativeUrl, { waitUntil: 'commit' });
		await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
		const tap = page.getByRole('button', { name: 'Rejoindre', exact: true }).click();
		letScriptsThrough();
		await tap;
		await page.getByRole('button', { name: 'Quitter' }).waitFor();
		await page.locator('.members li', { hasText: 'Djamel' }).getByText('Membre').waitFor();
	});

	it('does not show it to someone in Marseille at 25 km', async () => {
		const { page } = await userPage('Chloé', HOMES.marseille);
		await page.goto(server.url);
		await page.getByRole('button', { name: '25 km' }).click();
		await page.getByText('Aucune initiative à moins de 25 km — lancez la première !').waitFor();
		expect(await page.getByText(TITLE).count()).toBe(0);
		await expectAccessible(page);
	});

	it('shows a hostile title and summary as text', async () => {
		const { client, page } = await userPage('Mallory', HOMES.lyon);
		const title = '<img src=x onerror="window.__xss=1"> Fête <script>window.__xss=2</script>';
		const res = await client.post('/api/initiatives', {
			title,
			summary: '<b onmouseover="window.__xss=3">gras</b>',
			category: 'culture',
			...HOMES.lyon
		});
		expect(res.status).toBe(201);
		await page.goto(`${server.url}/initiatives/${res.body.initiative.id}`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
		expect(await page.getByText('<b onmouseover').count()).toBe(1);
		await page.goto(server.url);
		await page.locator('article', { hasText: 'Fête' }).waitFor();
		expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		expect(await page.locator('img[src="x"]').count()).toBe(0);
	});

	it('answers unknown initiatives with a French 404 page', async () => {
		const { page } = await userPage('Dominique', HOMES.lyon);
		const response = await page.goto(`${server.url}/initiatives/nexistepas-0000`);
		expect(response?.status()).toBe(404);
		await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
	});
});
