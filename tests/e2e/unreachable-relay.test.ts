/**
 * The browser says it is online, but the relay cannot be reached (a village
 * hall's Wi-Fi with no internet behind it, the server down): the workspace
 * says "Hors ligne" and keeps saying it while it retries in the background,
 * rather than "Connexion…" for ever.
 */
import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { clientOf, LYON, signUp } from './pwa-helpers';

const env = useServerAndBrowser();

describe('relay out of reach while the browser is online', () => {
	it('the workspace says offline and stays so across reconnection attempts', async () => {
		const context = await env.browser.newContext();
		await signUp(context, env.server.url, 'Nadia');
		const api = await clientOf(context, env.server.url);
		const created = await api.post('/api/initiatives', { title: 'Atelier vélo', summary: '', category: 'mobility', ...LYON });
		expect(created.status).toBe(201);
		const page = await context.newPage();
		await page.goto(`${env.server.url}/initiatives/${created.body.initiative.id}`);
		await page.locator('[data-status="synced"]').waitFor({ timeout: 20_000 });

		// Every attempt the page makes from now on fails: the server is gone.
		let attempts = 0;
		let threeMore: () => void = () => {};
		const triedThrice = new Promise<void>((resolve) => (threeMore = resolve));
		page.on('websocket', () => {
			if (++attempts === 3) threeMore();
		});
		await env.server.stop();
		await triedThrice;
		expect(await page.evaluate(() => navigator.onLine)).toBe(true);
		const status = page.locator('[aria-label="État de la synchronisation"]');
		await expect.poll(() => status.getAttribute('data-status')).toBe('offline');
		// A fourth attempt starts and fails: still offline, not "Connexion…".
		await page.waitForEvent('websocket');
		await page.waitForEvent('websocket');
		expect(await status.getAttribute('data-status')).toBe('offline');
		await expect.poll(() => status.textContent()).toContain('Hors ligne');
		await context.close();
	}, 90_000);
});
