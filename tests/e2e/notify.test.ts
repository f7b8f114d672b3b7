/**
 * Notifications in Chromium: the bell counts unread activity, /activity lists
 * it grouped by initiative and reads offline from the last sync, the service
 * worker shows a pushed notification (CDP ServiceWorker.deliverPushMessage,
 * permission granted) and its click opens the target page; axe-clean pages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { seriousA11yViolations } from '../helpers/browser';
import type { TestServer } from '../helpers/server';
import { Client } from '../helpers/client';
import { clientOf, signUp, useServerWithSwSuffix, waitForController } from './pwa-helpers';

// Test-only: a trusted notification click cannot be made headless; this dispatches one to the worker's own listener.
const setup = useServerWithSwSuffix(
	`self.addEventListener('message', (event) => {
	if (event.data?.type !== 'test-notification-click') return;
	event.waitUntil(self.registration.getNotifications().then(([n]) => { if (n) self.dispatchEvent(new NotificationEvent('notificationclick', { notification: n })); }));
});`,
	{ KOHERO_DIGEST_JOB: 'off' }
);
let server: TestServer;
let browser: Browser;
beforeAll(() => {
	server = setup.server();
	browser = setup.browser();
});

const mobile = { viewport: { width: 390, height: 844 } };

async function ownerWithNews(context: BrowserContext): Promise<{ id: string }> {
	await signUp(context, server.url, 'Odile');
	const owner = await clientOf(context, server.url);
	const created = await owner.post('/api/initiatives', { title: 'Jardin des Pentes', summary: '', category: 'food', lat: 45.77, lng: 4.83 });
	const id = created.body.initiative.id as string;
	for (const name of ['Ana', 'Bea']) {
		const neighbour = new Client(server.url);
		await neighbour.signup({ displayName: name });
		await neighbour.post(`/api/initiatives/${id}/join`);
	}
	return { id };
}

describe('activity in the app', () => {
	it('the bell shows the unread count; /activity lists it, marks it read, and reads offline', async () => {
		const context = await browser.newContext(mobile);
		const { id } = await ownerWithNews(context);
		const page = await context.newPage();
		await page.goto(server.url + '/');
		await expect.poll(() => page.getByTestId('activity-unread').textContent(), { timeout: 20_000 }).toBe('2');

		await page.getByTestId('activity-bell').click();
		await page.waitForURL('**/activity');
		await expect.poll(() => page.getByTestId('activity-item').count(), { timeout: 20_000 }).toBe(2);
		await expect(page.getByRole('heading', { name: 'Jardin des Pentes' }).isVisible()).resolves.toBe(true);
		const first = page.getByTestId('activity-item').first();
		expect(await first.textContent()).toContain('Bea a rejoint « Jardin des Pentes »');
		expect(await first.locator('a').getAttribute('href')).toBe(`/initiatives/${id}`);
		expect(await seriousA11yViolations(page)).toEqual([]);

		// A full load under the service worker keeps the page itself for offline use.
		await waitForController(page);
		await page.goto(server.url + '/activity');
		await expect.poll(() => page.getByTestId('activity-item').count(), { timeout: 20_000 }).toBe(2);
		await page.getByTestId('mark-all-read').click();
		await expect.poll(() => page.getByTestId('activity-unread').count()).toBe(0);

		await context.setOffline(true);
		await page.reload();
		await expect.poll(() => page.getByTestId('activity-offline').count(), { timeout: 20_000 }).toBe(1);
		expect(await page.getByTestId('activity-item').count()).toBe(2);
		await context.close();
	});

	it('Réglages shows the notification choices and saves them', async () => {
		const context = await browser.newContext(mobile);
		await signUp(context, server.url, 'Rita');
		const page = await context.newPage();
		await page.goto(server.url + '/settings');
		await page.getByLabel('Chaque jour (7 h)').check();
		await expect.poll(() => page.getByText('Préférences enregistrées.').count()).toBe(1);
		const api = await clientOf(context, server.url);
		expect((await api.get('/api/me/notifications')).body.emailDigest).toBe('daily');
		expect(await seriousA11yViolations(page)).toEqual([]);
		await context.close();
	});
});

describe('password reset pages', () => {
	it('the log-in page links to the request form; a link opens the new-password form', async () => {
		const context = await browser.newContext(mobile);
		const page = await context.newPage();
		await page.goto(server.url + '/login');
		await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
		await page.waitForURL('**/reset');
		await page.getByLabel('Adresse e-mail').fill('quelqu-un@exemple.fr');
		await page.getByRole('button', { name: 'Envoyer le lien' }).click();
		await expect.poll(() => page.getByTestId('reset-sent').count()).toBe(1);
		expect(await seriousA11yViolations(page)).toEqual([]);

		await page.goto(server.url + '/reset/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
		await page.getByLabel('Nouveau mot de passe').fill('un-mot-de-passe-neuf');
		await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
		await expect.poll(() => page.getByText('Ce lien n’est plus valable. Demandez-en un nouveau.').count()).toBe(1);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await context.close();
	});
});

describe('push in the service worker', () => {
	it('shows a pushed notification and a click opens its page', async () => {
		const context = await browser.newContext(mobile);
		await context.grantPermissions(['notifications'], { origin: server.url });
		const { id } = await ownerWithNews(context);
		const page = await context.newPage();
		await page.goto(server.url + '/settings');
		await waitForController(page);

		const cdp = await context.newCDPSession(page);
		const registrationId = await new Promise<string>((resolve) => {
			cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }: { registrations: { registrationId: string; isDeleted: boolean }[] }) => {
				const live = registrations.find((r) => !r.isDeleted);
				if (live) resolve(live.registrationId);
			});
			void cdp.send('ServiceWorker.enable');
		});
		const payload = { title: 'Jardin des Pentes', body: 'Nouvelle réunion « AG »', url: `/initiatives/${id}`, tag: 'meeting_scheduled-1' };
		await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId, data: JSON.stringify(payload) });

		const shown = await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.ready;
			for (let i = 0; i < 100; i++) {
				const [n] = await registration.getNotifications();
				if (n) return { title: n.title, body: n.body, tag: n.tag, data: n.data as unknown };
				await new Promise((r) => setTimeout(r, 100));
			}
			return null;
		});
		expect(shown).toEqual({ title: 'Jardin des Pentes', body: 'Nouvelle réunion « AG »', tag: 'meeting_scheduled-1', data: { url: `/initiatives/${id}` } });

		await page.evaluate(() => navigator.serviceWorker.controller?.postMessage({ type: 'test-notification-click' }));
		await page.waitForURL(`**/initiatives/${id}`, { timeout: 20_000 });
		const left = await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).length);
		expect(left).toBe(0);
		await context.close();
	});
});
