/**
 * Offline as a person lives it: first visit signed out, sign-up through the
 * form, then only clicks; then the network goes. No page is loaded in full
 * online beforehand except the very first one. Each check below reproduced a
 * failure of issue #11 on the code before it.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useServerAndBrowser } from '../helpers/browser';
import { Client } from '../helpers/client';
import { connectClient, synced } from '../relay/helpers';
import { readTasks } from '../../src/lib/domain/workspace';
import { LYON, waitForController } from './pwa-helpers';

const env = useServerAndBrowser();
const mobile = { viewport: { width: 390, height: 844 }, locale: 'fr-FR' };
const TIMEOUT = 20_000;

/** Another member with an initiative near Lyon, made over the API. */
async function otherMember(title: string) {
	const client = new Client(env.server.url);
	await client.signup({ displayName: 'Bruno' });
	const { body } = await client.post('/api/initiatives', { title, summary: 'Au pied des pentes.', category: 'food', ...LYON });
	return { client, initiativeId: body.initiative.id as string };
}

/** Signs up through the form, from the signed-out welcome. */
async function signUpByForm(page: Page, name: string): Promise<void> {
	await page.getByRole('link', { name: 'Créer un compte' }).first().click();
	await page.getByLabel('Nom affiché').fill(name);
	await page.getByLabel('Adresse e-mail').fill(`e2e-${Math.random().toString(36).slice(2)}@exemple.fr`);
	await page.getByLabel('Mot de passe', { exact: true }).fill('motdepasse-solide');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await page.waitForURL('**/profile');
}

/** In the feed, looks around Lyon and opens `title` (clicks only). */
async function openFromFeed(page: Page, title: string): Promise<void> {
	await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Fil', exact: true }).click();
	await page.getByRole('combobox', { name: 'Commune', exact: true }).fill('Lyon');
	await page.getByRole('option', { name: /^Lyon 6900/ }).first().waitFor();
	await page.keyboard.press('Enter');
	await page.getByRole('link', { name: title }).first().click({ timeout: TIMEOUT });
	await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Waits until the service worker keeps `path` as rendered for a member (with "Quitter"). */
async function keptAsMember(page: Page, path: string): Promise<void> {
	await expect
		.poll(
			() =>
				page.evaluate(async (p) => {
					for (const name of await caches.keys()) {
						if (!name.startsWith('kohero-pages-')) continue;
						const hit = await (await caches.open(name)).match(p);
						if (hit && (await hit.text()).includes('Quitter')) return true;
					}
					return false;
				}, path),
			{ timeout: TIMEOUT }
		)
		.toBe(true);
}

async function addTask(page: Page, title: string): Promise<void> {
	await page.getByRole('tab', { name: /^Tâches/ }).click();
	await page.getByLabel('Nouvelle tâche').fill(title);
	await page.getByRole('button', { name: 'Ajouter' }).click();
	await page.locator(`li[data-task-id][data-title="${title}"]`).waitFor();
}

/** The tasks the relay holds for `docId`, read by `client`'s own provider. */
async function tasksOnServer(client: Client, docId: string): Promise<string[]> {
	const reader = connectClient(env.server.wsUrl, docId, client.cookie);
	try {
		await synced(reader);
		return readTasks(reader.doc).map((t) => t.title);
	} finally {
		reader.destroy();
	}
}

async function styled(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => (l as HTMLLinkElement).href);
		// The app's own stylesheet applied: the header is laid out as a flex row.
		const header = document.querySelector('.app-header');
		return sheets.every((href) => new URL(href).pathname.startsWith('/_app/')) && !!header && getComputedStyle(header).display === 'flex';
	});
}

describe('offline, along the path a person takes', () => {
	it('opens signed in, with its pages styled and its edits sent by themselves once back online', async () => {
		const bruno = await otherMember('Jardin des Pentes');
		const context: BrowserContext = await env.browser.newContext(mobile);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.goto(env.server.url + '/');
		await waitForController(page);
		await signUpByForm(page, 'Awa');
		await openFromFeed(page, 'Jardin des Pentes');
		await page.getByRole('button', { name: 'Rejoindre', exact: true }).click();
		await page.getByRole('button', { name: 'Quitter' }).waitFor();
		await page.locator('[data-status="synced"]').waitFor({ timeout: TIMEOUT });
		await page.locator('html[data-offline-ready]').waitFor({ state: 'attached', timeout: TIMEOUT });
		await keptAsMember(page, `/initiatives/${bruno.initiativeId}`);

		// Bruno's own client is open on the document the whole time.
		const watcher = connectClient(env.server.wsUrl, bruno.initiativeId, bruno.client.cookie);
		await synced(watcher);

		await context.setOffline(true);
		// (1) A full load of / shows the signed-in feed, not the signed-out welcome.
		await page.goto(env.server.url + '/');
		await page.getByRole('heading', { level: 1, name: 'Initiatives près de vous' }).waitFor();
		expect(await page.getByRole('link', { name: 'Créer un compte' }).count()).toBe(0);
		// (2) The new-initiative form, never opened online, opens (styled) in a full load.
		await page.goto(env.server.url + '/initiatives/new');
		await page.getByLabel('Titre').waitFor();
		expect(await styled(page)).toBe(true);
		// (3) The joined initiative, only ever reached by clicks, opens styled with its workspace.
		await page.goto(`${env.server.url}/initiatives/${bruno.initiativeId}`);
		await page.getByRole('heading', { name: 'Espace de travail' }).waitFor();
		expect(await styled(page)).toBe(true);
		await page.locator('[data-status="offline"]').waitFor();
		// (4) A task added offline leaves by itself once the network is back, from the feed.
		await addTask(page, 'Apporter des graines');
		await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Fil', exact: true }).click();
		await expect.poll(() => page.getByTestId('sync-label').textContent(), { timeout: TIMEOUT }).toMatch(/Hors ligne · 1 en attente/);
		await new Promise((r) => setTimeout(r, 500));
		expect(readTasks(watcher.doc).map((t) => t.title)).toEqual([]);

		await context.setOffline(false);
		await expect
			.poll(() => readTasks(watcher.doc).map((t) => t.title), { timeout: TIMEOUT })
			.toEqual(['Apporter des graines']);
		await expect.poll(() => page.getByTestId('sync-label').textContent(), { timeout: TIMEOUT }).toMatch(/^Synchronisé/);
		expect(page.url()).toBe(env.server.url + '/');
		watcher.destroy();
		expect(errors).toEqual([]);
		await context.close();
	});

	it('an initiative created offline, with a task, reaches the server on reconnection and is never "n’existe plus"', async () => {
		const context = await env.browser.newContext(mobile);
		const page = await context.newPage();
		await page.goto(env.server.url + '/');
		await waitForController(page);
		await signUpByForm(page, 'Basile');
		await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Fil', exact: true }).click();
		await page.locator('html[data-offline-ready]').waitFor({ state: 'attached', timeout: TIMEOUT });

		await context.setOffline(true);
		await page.getByRole('link', { name: /Lancer une initiative/ }).click();
		await page.getByLabel('Titre').fill('Repair café hors ligne');
		await page.getByLabel('Catégorie').selectOption('environment');
		await page.getByRole('combobox', { name: 'Rechercher une commune' }).fill('Lyon');
		await page.getByRole('option', { name: /^Lyon 6900/ }).first().waitFor();
		await page.keyboard.press('Enter');
		await page.getByRole('button', { name: 'Publier' }).click();
		await page.waitForURL(/\/initiatives\/[A-Za-z0-9_-]{8,64}$/);
		const id = page.url().split('/').pop()!;
		await page.getByRole('heading', { name: 'Espace de travail' }).waitFor();
		await addTask(page, 'Trouver une salle');
		const notFound = page.getByText('n’existe plus').or(page.getByText("n'existe plus"));
		let sawNotFound = false;
		const spy = setInterval(() => void notFound.count().then((n) => (sawNotFound ||= n > 0)), 100);

		await context.setOffline(false);
		await page.locator('[data-status="synced"]').waitFor({ timeout: TIMEOUT });
		clearInterval(spy);
		expect(sawNotFound).toBe(false);
		const api = new Client(env.server.url);
		const cookie = (await context.cookies()).find((c) => c.name === 'kohero_session')!;
		api.cookie = `kohero_session=${cookie.value}`;
		expect((await api.get(`/api/initiatives/${id}`)).body.initiative.title).toBe('Repair café hors ligne');
		expect(await tasksOnServer(api, id)).toEqual(['Trouver une salle']);
		await context.close();
	});

	it('a second account on the same device sees nothing of the first, offline', async () => {
		const bruno = await otherMember('Atelier vélo des Terreaux');
		const context = await env.browser.newContext(mobile);
		const page = await context.newPage();
		await page.goto(env.server.url + '/');
		await waitForController(page);
		await signUpByForm(page, 'Chloé');
		await openFromFeed(page, 'Atelier vélo des Terreaux');
		await page.getByRole('button', { name: 'Rejoindre', exact: true }).click();
		await page.getByRole('button', { name: 'Quitter' }).waitFor();
		await keptAsMember(page, `/initiatives/${bruno.initiativeId}`);

		// Chloé logs out; Denis signs up on the same phone, by the form.
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Me déconnecter' }).click();
		await page.getByRole('link', { name: 'Créer un compte' }).first().waitFor();
		await signUpByForm(page, 'Denis');
		await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Fil', exact: true }).click();
		await expect.poll(() => page.evaluate(() => document.documentElement.dataset.offlineReady ?? ''), { timeout: TIMEOUT }).not.toBe('');
		const denisId = await page.evaluate(() => document.documentElement.dataset.offlineReady);

		await context.setOffline(true);
		await page.goto(env.server.url + '/');
		await page.getByRole('heading', { level: 1, name: 'Initiatives près de vous' }).waitFor();
		await page.goto(env.server.url + '/mine');
		await page.getByRole('heading', { level: 1 }).waitFor();
		expect(await page.getByText('Atelier vélo des Terreaux').count()).toBe(0);
		await page.goto(`${env.server.url}/initiatives/${bruno.initiativeId}`);
		// Chloé's copy of the page is gone: the app's offline page, not her workspace.
		await page.getByTestId('offline-page').waitFor();
		expect(await page.getByText('Chloé').count()).toBe(0);
		expect(await page.evaluate(() => document.documentElement.dataset.offlineReady)).toBe(denisId);
		await context.close();
	});
});
