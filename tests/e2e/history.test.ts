/**
 * The history saves a wiped workspace (API.md "History"): a member wipes the
 * notes, the owner restores them from the Historique page, and both browsers
 * show the restored text, received as a new edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server';
import { Client } from '../helpers/client';
import { launchBrowser, seriousA11yViolations } from '../helpers/browser';

const TIMEOUT = 15_000;
/** Snapshots at most this often (a day in production). */
const INTERVAL_MS = 1500;
const TEXT = 'Plan des bacs et calendrier des semis';

let server: TestServer;
let browser: Browser;
let initiativeId: string;
const clients: Record<'owner' | 'member', Client> = {} as never;
const contexts: BrowserContext[] = [];

async function pageFor(who: 'owner' | 'member'): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
	contexts.push(context);
	await context.addCookies([{ name: 'kohero_session', value: clients[who].cookie.split('=')[1], url: server.url }]);
	return context.newPage();
}

async function openWorkspace(page: Page): Promise<void> {
	await page.goto(`${server.url}/initiatives/${initiativeId}`);
	await page.locator('[data-status="synced"]').waitFor({ timeout: TIMEOUT });
}

const editor = (page: Page) => page.locator('.notes-editor');

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer({ env: { KOHERO_HISTORY_INTERVAL_MS: String(INTERVAL_MS) } }), launchBrowser()]);
	for (const [who, name] of [['owner', 'Camille'], ['member', 'Yanis']] as const) {
		clients[who] = new Client(server.url);
		await clients[who].signup({ displayName: name });
	}
	const created = await clients.owner.post('/api/initiatives', {
		title: 'Jardin partagé du quartier', summary: '', category: 'food', lat: 45.764, lng: 4.8357, placeName: 'Lyon'
	});
	initiativeId = created.body.initiative.id;
	expect((await clients.member.post(`/api/initiatives/${initiativeId}/join`)).status).toBe(200);
});

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.dispose();
});

describe('history', () => {
	it('the owner restores the notes another member wiped; both browsers show the restored text', async () => {
		const owner = await pageFor('owner');
		const member = await pageFor('member');
		await openWorkspace(owner);
		await openWorkspace(member);

		await editor(owner).click();
		await owner.keyboard.type(TEXT);
		await editor(member).filter({ hasText: TEXT }).waitFor({ timeout: TIMEOUT });
		const typed = Date.now();

		// A member only sees the API refuse the history.
		expect((await clients.member.get(`/api/initiatives/${initiativeId}/history`)).status).toBe(403);

		// The next change after the interval is preceded by a snapshot of the text.
		await new Promise((r) => setTimeout(r, Math.max(0, typed + INTERVAL_MS + 200 - Date.now())));
		await editor(member).click();
		await member.keyboard.press('ControlOrMeta+a');
		await member.keyboard.press('Backspace');
		await owner.waitForFunction((text) => !document.querySelector('.notes-editor')?.textContent?.includes(text), TEXT, { timeout: TIMEOUT });

		await owner.getByRole('link', { name: 'Historique' }).click();
		await owner.getByRole('heading', { name: /Historique/ }).waitFor({ timeout: TIMEOUT });
		const newest = owner.getByTestId('history-item').first();
		await newest.waitFor({ timeout: TIMEOUT });
		await expect(newest.textContent()).resolves.toMatch(/Taille : .*(ko|kB|o)/);
		expect(await seriousA11yViolations(owner)).toEqual([]);
		await newest.getByRole('button', { name: 'Restaurer les notes' }).click();
		await newest.getByRole('button', { name: 'Confirmer' }).click();
		await owner.getByText('Restauration faite').waitFor({ timeout: TIMEOUT });

		// The member, still on the workspace, receives it live; the owner sees it back on the page.
		await editor(member).filter({ hasText: TEXT }).waitFor({ timeout: TIMEOUT });
		await owner.getByRole('link', { name: 'Retour à l’initiative' }).click();
		await owner.locator('[data-status="synced"]').waitFor({ timeout: TIMEOUT });
		await editor(owner).filter({ hasText: TEXT }).waitFor({ timeout: TIMEOUT });
	});
});
