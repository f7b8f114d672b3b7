/**
 * The collaborative workspace in real Chromium: two members in two browser
 * contexts co-edit notes, tasks, discussion and ideas through the real relay;
 * one goes offline, edits, reloads and converges; a non-member reads only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server';
import { Client } from '../helpers/client';
import { launchBrowser, seriousA11yViolations } from '../helpers/browser';
import { OfflineCache } from './offline-cache';
import { connectClient, waitFor, type SyncClient } from '../relay/helpers';

const PAGE = '/initiatives/';
const TIMEOUT = 10_000;

let server: TestServer;
let browser: Browser;
let initiativeId: string;
const people: Record<'owner' | 'member' | 'outsider', { client: Client; name: string }> = {} as never;
const contexts: BrowserContext[] = [];

async function contextFor(who: keyof typeof people): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
	contexts.push(context);
	const value = people[who].client.cookie.split('=')[1];
	await context.addCookies([{ name: 'kohero_session', value, url: server.url }]);
	const page = await context.newPage();
	return { context, page };
}

async function openWorkspace(page: Page): Promise<void> {
	await page.goto(server.url + PAGE + initiativeId);
	await page.locator('[data-status="synced"]').waitFor({ timeout: TIMEOUT });
}

const taskTitles = (c: SyncClient) => c.doc.getArray<import('yjs').Map<unknown>>('tasks').toArray().map((t) => String(t.get('title')));
const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
const editor = (page: Page) => page.locator('.notes-editor');
const taskRow = (page: Page, title: string) => page.locator(`li[data-task-id][data-title="${title}"]`);

async function addTask(page: Page, title: string): Promise<void> {
	await page.getByLabel('Nouvelle tâche').fill(title);
	await page.getByRole('button', { name: 'Ajouter' }).click();
}

beforeAll(async () => {
	server = await startServer();
	browser = await launchBrowser();
	for (const [who, name] of [['owner', 'Camille'], ['member', 'Yanis'], ['outsider', 'Inès']] as const) {
		const client = new Client(server.url);
		await client.signup({ displayName: name });
		people[who] = { client, name };
	}
	const created = await people.owner.client.post('/api/initiatives', {
		title: 'Jardin partagé du quartier',
		summary: 'Des bacs potagers devant la mairie.',
		category: 'food',
		lat: 45.764,
		lng: 4.8357,
		placeName: 'Lyon'
	});
	expect(created.status).toBe(201);
	initiativeId = created.body.initiative.id;
	expect((await people.member.client.post(`/api/initiatives/${initiativeId}/join`)).status).toBe(200);
});

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.dispose();
});

describe('workspace', () => {
	let a: { context: BrowserContext; page: Page };
	let b: { context: BrowserContext; page: Page };

	it('two members co-edit the notes live and see each other', async () => {
		a = await contextFor('owner');
		b = await contextFor('member');
		await openWorkspace(a.page);
		await openWorkspace(b.page);

		await editor(a.page).click();
		await a.page.keyboard.type('Idées pour le jardin');
		await editor(b.page).filter({ hasText: 'Idées pour le jardin' }).waitFor({ timeout: TIMEOUT });

		await editor(b.page).click();
		await b.page.keyboard.press('End');
		await b.page.keyboard.type(' et le compost');
		await editor(a.page).filter({ hasText: 'Idées pour le jardin et le compost' }).waitFor({ timeout: TIMEOUT });

		// Presence and the other editor's caret, named.
		await a.page.locator('.presence li', { hasText: 'Yanis' }).waitFor({ timeout: TIMEOUT });
		await a.page.locator('.collaboration-carets__label', { hasText: 'Yanis' }).waitFor({ timeout: TIMEOUT });

		// Rich text from the toolbar: a checklist item.
		await a.page.keyboard.press('Enter');
		await a.page.getByRole('button', { name: 'Liste de cases à cocher' }).click();
		await a.page.keyboard.type('Acheter des graines');
		await b.page.locator('.notes-editor ul[data-type="taskList"] li', { hasText: 'Acheter des graines' }).waitFor({ timeout: TIMEOUT });
	});

	it('tasks: add, tick, assign and reorder propagate', async () => {
		await tab(a.page, 'Tâches').click();
		await tab(b.page, 'Tâches').click();
		await addTask(a.page, 'Réserver la salle');
		await addTask(a.page, 'Imprimer les affiches');
		await taskRow(b.page, 'Réserver la salle').waitFor({ timeout: TIMEOUT });

		await taskRow(b.page, 'Réserver la salle').getByRole('checkbox').check();
		await a.page.locator('li.done[data-title="Réserver la salle"]').waitFor({ timeout: TIMEOUT });

		await taskRow(a.page, 'Imprimer les affiches').getByRole('combobox').selectOption({ label: 'Yanis' });
		await b.page.waitForFunction(
			() => [...document.querySelectorAll('select')].some((s) => (s as HTMLSelectElement).selectedOptions[0]?.text === 'Yanis'),
			undefined,
			{ timeout: TIMEOUT }
		);

		await taskRow(a.page, 'Imprimer les affiches').getByRole('button', { name: /Monter/ }).click();
		await b.page.waitForFunction(
			() => (document.querySelector('li[data-task-id] input.title') as HTMLInputElement | null)?.value === 'Imprimer les affiches',
			undefined,
			{ timeout: TIMEOUT }
		);
	});

	it('offline: edits made without network are sent when it returns', async () => {
		await b.context.setOffline(true);
		await b.page.getByText('Hors ligne — vos modifications sont enregistrées sur cet appareil').waitFor({ timeout: TIMEOUT });
		await addTask(b.page, 'Hors ligne, sans recharger');
		await addTask(a.page, 'En ligne pendant la coupure');
		// A third client sees the online task: the relay has sent it out, and the offline page still lacks it.
		const observer = connectClient(server.wsUrl, initiativeId, people.owner.client.cookie);
		try {
			await waitFor(() => taskTitles(observer).includes('En ligne pendant la coupure'), 'online task relayed', TIMEOUT);
			expect(taskTitles(observer)).not.toContain('Hors ligne, sans recharger');
		} finally {
			observer.destroy();
		}
		expect(await taskRow(b.page, 'En ligne pendant la coupure').count()).toBe(0);
		expect(await taskRow(a.page, 'Hors ligne, sans recharger').count()).toBe(0);

		await b.context.setOffline(false);
		await b.page.locator('[data-status="synced"]').waitFor({ timeout: 15_000 });
		await taskRow(b.page, 'En ligne pendant la coupure').waitFor({ timeout: TIMEOUT });
		await taskRow(a.page, 'Hors ligne, sans recharger').waitFor({ timeout: TIMEOUT });
	});

	it('offline: edits survive a reload with no network and converge when back online', async () => {
		const cache = new OfflineCache(b.context);
		await b.page.reload(); // records the page and its code while online
		await b.page.locator('[data-status="synced"]').waitFor({ timeout: TIMEOUT });
		await tab(b.page, 'Discussion').click();
		await tab(b.page, 'Tâches').click();

		await b.context.setOffline(true);
		await cache.serve();
		await b.page.locator('[data-status="offline"]').waitFor({ timeout: TIMEOUT });
		await addTask(b.page, 'Tâche écrite hors ligne');
		await tab(b.page, 'Discussion').click();
		await b.page.getByLabel('Votre message').fill('Je serai là samedi');
		await b.page.getByRole('button', { name: 'Envoyer' }).click();
		await b.page.locator('.thread li', { hasText: 'Je serai là samedi' }).waitFor();

		// Meanwhile the other member keeps working online.
		await addTask(a.page, 'Tâche écrite en ligne');

		// Reload with no network: the document comes back from IndexedDB.
		await b.page.reload();
		await b.page.locator('[data-status="offline"]').waitFor({ timeout: TIMEOUT });
		await tab(b.page, 'Tâches').click();
		await taskRow(b.page, 'Tâche écrite hors ligne').waitFor({ timeout: TIMEOUT });
		expect(await taskRow(b.page, 'Tâche écrite en ligne').count()).toBe(0);

		// Back online. A page served by the test's stand-in cache may not open a
		// loopback socket (Chromium's local-network-access check), so the page is
		// reloaded from the network: its unsent edits are still in IndexedDB.
		await cache.stop();
		await b.context.setOffline(false);
		await b.page.reload();
		await b.page.locator('[data-status="synced"]').waitFor({ timeout: 15_000 });
		await tab(b.page, 'Tâches').click();
		await taskRow(b.page, 'Tâche écrite en ligne').waitFor({ timeout: TIMEOUT });
		await taskRow(a.page, 'Tâche écrite hors ligne').waitFor({ timeout: TIMEOUT });
		const titles = (p: Page) => p.locator('li[data-task-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-title')));
		expect(await titles(a.page)).toEqual(await titles(b.page));

		await a.page.getByRole('tab', { name: 'Discussion (1 nouveau message)' }).waitFor({ timeout: TIMEOUT });
		await tab(a.page, 'Discussion').click();
		await a.page.locator('.thread li', { hasText: 'Je serai là samedi' }).getByText('Yanis').waitFor({ timeout: TIMEOUT });
		await a.page.locator('.unread-marker').waitFor({ timeout: TIMEOUT });
	});

	it('ideas: one vote per person, withdrawable, sorted by votes', async () => {
		await tab(a.page, 'Idées').click();
		await tab(b.page, 'Idées').click();
		for (const idea of ['Un composteur', 'Des bancs']) {
			await a.page.getByLabel('Votre idée').fill(idea);
			await a.page.getByRole('button', { name: 'Proposer' }).click();
		}
		const benches = (p: Page) => p.locator('li[data-idea-id]', { hasText: 'Des bancs' });
		await benches(b.page).getByRole('button', { name: /Voter/ }).click();
		await benches(a.page).getByText('1 vote', { exact: true }).waitFor({ timeout: TIMEOUT });
		const first = (p: Page) => p.locator('li[data-idea-id] .text').first().textContent();
		expect(await first(a.page)).toBe('Des bancs');
		await benches(b.page).getByRole('button', { name: /Retirer mon vote/ }).click();
		// French: 0 takes the singular.
		await benches(a.page).getByText('0 vote', { exact: true }).waitFor({ timeout: TIMEOUT });
		await benches(b.page).getByRole('button', { name: /Voter/ }).waitFor({ timeout: TIMEOUT });
	});

	it('has no serious accessibility violations on any tab', async () => {
		for (const name of ['Notes', 'Tâches', 'Discussion', 'Idées']) {
			await tab(a.page, name).click();
			await a.page.locator(`#ws-panel-${name === 'Notes' ? 'notes' : name === 'Tâches' ? 'tasks' : name === 'Discussion' ? 'discussion' : 'ideas'}:not([hidden])`).waitFor();
			expect(await seriousA11yViolations(a.page), name).toEqual([]);
		}
	});

	it('tabs follow the WAI-ARIA keyboard pattern', async () => {
		await tab(a.page, 'Notes').click();
		await a.page.keyboard.press('ArrowRight');
		expect(await a.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Tâches');
		await a.page.keyboard.press('End');
		expect(await tab(a.page, 'Idées').getAttribute('aria-selected')).toBe('true');
		await a.page.keyboard.press('ArrowRight');
		expect(await tab(a.page, 'Notes').getAttribute('aria-selected')).toBe('true');
	});

	it('a signed-in non-member reads only, with a prompt to join', async () => {
		const c = await contextFor('outsider');
		await openWorkspace(c.page);
		await c.page.getByRole('button', { name: 'Rejoindre pour participer' }).waitFor();
		await editor(c.page).filter({ hasText: 'Idées pour le jardin' }).waitFor({ timeout: TIMEOUT });
		expect(await editor(c.page).getAttribute('contenteditable')).toBe('false');
		expect(await c.page.getByRole('toolbar').count()).toBe(0);
		await tab(c.page, 'Tâches').click();
		await c.page.locator('li[data-task-id]', { hasText: 'Réserver la salle' }).waitFor({ timeout: TIMEOUT });
		expect(await c.page.locator('li[data-task-id] input.title').count()).toBe(0); // plain text, not inputs
		expect(await c.page.getByLabel('Nouvelle tâche').count()).toBe(0);
		expect(await seriousA11yViolations(c.page)).toEqual([]);

		// Joining from the prompt makes the workspace writable at once.
		await c.page.getByRole('button', { name: 'Rejoindre pour participer' }).click();
		await c.page.getByLabel('Nouvelle tâche').waitFor({ timeout: TIMEOUT });
		await addTask(c.page, 'Apporter des outils');
		await tab(a.page, 'Tâches').click();
		await taskRow(a.page, 'Apporter des outils').waitFor({ timeout: TIMEOUT });
	});

	it('leaving the page closes its socket and the others see the person leave', async () => {
		const closed = new Promise<void>((resolve) => {
			a.page.on('websocket', (socket) => {
				if (socket.url().includes('/sync/')) socket.on('close', () => resolve());
			});
		});
		await openWorkspace(a.page);
		await b.page.locator('.presence li', { hasText: 'Camille' }).waitFor({ timeout: TIMEOUT });
		await a.page.getByRole('navigation').getByRole('link').first().click(); // client-side navigation
		await closed;
		await b.page.locator('.presence li', { hasText: 'Camille' }).waitFor({ state: 'detached', timeout: 3000 });
	});

	it('a session that ends stops syncing and says why (4401)', async () => {
		await tab(b.page, 'Tâches').click();
		await b.page.locator('[data-status="synced"]').waitFor({ timeout: TIMEOUT });
		expect((await people.member.client.post('/api/auth/logout')).status).toBe(204);
		// The relay closes the open socket itself (4401): no reconnect needed to notice.
		await b.page.getByText('Votre session a expiré').waitFor({ timeout: TIMEOUT });
		// Edits still land on the device.
		await addTask(b.page, 'Écrite après la déconnexion');
		await taskRow(b.page, 'Écrite après la déconnexion').waitFor();
	});
});
