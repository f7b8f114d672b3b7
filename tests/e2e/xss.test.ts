/**
 * Stored XSS in real Chromium: payloads written through the API (titles,
 * summaries, places, profile fields) and into the collaborative document
 * (notes, tasks, messages, ideas — as a hostile member's client would) are
 * rendered as text on every page that shows them, and never run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';
import { launchBrowser } from '../helpers/browser';
import { connectClient, waitFor } from '../relay/helpers';

const IMG = '<img src=x onerror=window.__xss=1>';
const SVG = '<svg onload=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';
const ATTR = '" autofocus onfocus=window.__xss=1 x="';
const TIMEOUT = 15_000;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const author = { client: null as unknown as Client, id: '' };
const viewer = { client: null as unknown as Client, id: '' };
let initiativeId: string;

function item(fields: Record<string, unknown>): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(fields)) map.set(key, value);
	return map;
}

/** Writes the payloads into the workspace document, as a member's own client could. */
async function poisonWorkspace(): Promise<void> {
	const c = connectClient(server.wsUrl, initiativeId, author.client.cookie);
	await waitFor(() => c.provider.synced, 'author synced');
	const now = new Date().toISOString();
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText();
	text.insert(0, `${IMG} ${SCRIPT} `);
	text.insert(text.length, 'lien piégé', { link: { href: 'javascript:window.__xss=1', target: '_self' } });
	paragraph.insert(0, [text]);
	c.doc.getXmlFragment('notes').insert(0, [paragraph]);
	c.doc.getArray('tasks').push([item({ id: 't1', title: IMG, done: false, createdBy: author.id, createdAt: now })]);
	c.doc.getArray('messages').push([item({ id: 'm1', authorId: author.id, text: `${SVG} ${IMG}`, createdAt: now })]);
	c.doc.getArray('ideas').push([item({ id: 'i1', authorId: author.id, text: IMG, createdAt: now, votes: new Y.Map() })]);
	// Stored once the server's state answers a fresh sync with all four.
	const reader = connectClient(server.wsUrl, initiativeId, viewer.client.cookie);
	await waitFor(() => reader.provider.synced && reader.doc.getArray('ideas').length === 1, 'payloads stored');
	reader.destroy();
	c.destroy();
}

async function pageAs(who: { client: Client }): Promise<Page> {
	const context = await browser.newContext({ locale: 'fr-FR' });
	contexts.push(context);
	await context.addCookies([{ name: 'kohero_session', value: who.client.cookie.split('=')[1], url: server.url }]);
	return context.newPage();
}

/** Neither ran (window.__xss) nor was parsed as markup (no handler attributes, no injected script). */
async function expectInert(page: Page, where: string): Promise<void> {
	const state = await page.evaluate(() => ({
		xss: (window as unknown as { __xss?: unknown }).__xss,
		handlers: document.querySelectorAll('[onerror],[onload],[onfocus]').length,
		// Kit's own hydration script carries the payload as escaped data; an injected one is just the payload.
		scripts: [...document.scripts].filter((s) => s.textContent?.trim() === 'window.__xss=1').length,
		jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length
	}));
	expect(state, where).toEqual({ xss: undefined, handlers: 0, scripts: 0, jsLinks: 0 });
}

beforeAll(async () => {
	server = await startServer();
	browser = await launchBrowser();
	author.client = new Client(server.url);
	viewer.client = new Client(server.url);
	author.id = (await author.client.signup({ displayName: IMG })).id;
	viewer.id = (await viewer.client.signup({ displayName: 'Inès' })).id;
	await author.client.patch('/api/me', { bio: `${SCRIPT} ${SVG}`, skills: [SVG], discoverable: true, home: { lat: 45.765, lng: 4.836 } });
	await viewer.client.patch('/api/me', { home: { lat: 45.764, lng: 4.835 } });
	const created = await author.client.post('/api/initiatives', {
		title: IMG, summary: `${SCRIPT} ${ATTR} ${SVG}`, category: 'culture', lat: 45.7641, lng: 4.8351, placeName: ATTR
	});
	expect(created.status).toBe(201);
	initiativeId = created.body.initiative.id;
	expect((await viewer.client.post(`/api/initiatives/${initiativeId}/join`)).status).toBe(200);
	await poisonWorkspace();
});

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.dispose();
});

describe('stored XSS', () => {
	it('the feed shows the hostile title as text', async () => {
		const page = await pageAs(viewer);
		await page.goto(server.url + '/');
		await page.getByText(IMG).first().waitFor({ timeout: TIMEOUT });
		await expectInert(page, 'feed');
	});

	it('the initiative page and every workspace tab render payloads inert', async () => {
		const page = await pageAs(viewer);
		await page.goto(`${server.url}/initiatives/${initiativeId}`);
		await page.getByRole('heading', { name: IMG }).waitFor({ timeout: TIMEOUT });
		await page.getByText(SCRIPT).first().waitFor({ timeout: TIMEOUT });
		await expectInert(page, 'initiative page');
		await page.locator('.notes-editor', { hasText: 'lien piégé' }).waitFor({ timeout: TIMEOUT });
		const trap = page.locator('.notes-editor', { hasText: 'lien piégé' }).getByText('lien piégé');
		await trap.click({ modifiers: ['Control'] });
		// The click's handlers have run once the page has painted the next frame.
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
		await expectInert(page, 'notes');
		for (const name of ['Tâches', 'Discussion', 'Idées']) {
			await page.getByRole('tab', { name, exact: true }).click();
			// Each tab holds an IMG payload (task title, message, idea): wait until it is shown as text.
			const panel = page.getByRole('tabpanel', { name, exact: true });
			await panel.getByText(IMG).first().waitFor({ timeout: TIMEOUT });
			expect(await panel.innerHTML(), name).toContain('&lt;');
			await expectInert(page, name);
		}
	});

	it('people nearby, the profile and "my initiatives" render profile payloads inert', async () => {
		const viewerPage = await pageAs(viewer);
		await viewerPage.goto(`${server.url}/people`);
		// The hostile name and skill are listed, as text.
		await viewerPage.locator('.name', { hasText: IMG }).waitFor({ timeout: TIMEOUT });
		await viewerPage.getByText(SVG, { exact: true }).first().waitFor({ timeout: TIMEOUT });
		await expectInert(viewerPage, 'people');
		const own = await pageAs(author);
		await own.goto(`${server.url}/profile`);
		// The form holds the payloads as values, and the skill chip shows one as text.
		await expect.poll(() => own.locator('#displayName').inputValue(), { timeout: TIMEOUT }).toBe(IMG);
		await expect.poll(() => own.locator('#bio').inputValue(), { timeout: TIMEOUT }).toBe(`${SCRIPT} ${SVG}`);
		await own.locator('.skills li.chip', { hasText: SVG }).waitFor({ timeout: TIMEOUT });
		await expectInert(own, 'profile');
		await own.goto(`${server.url}/mine`);
		await own.getByText(IMG).first().waitFor({ timeout: TIMEOUT });
		await expectInert(own, 'mine');
	});
});
