/**
 * The test browser goes offline as a device does (tests/helpers/offline.ts): a page the service worker serves
 * while offline says so from its first script, and hears `online` when the network comes back. Chromium 150
 * alone leaves such a page believing it is online (this test failed so before the helper: `expected true to be false`).
 */
import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from '../helpers/browser';
import { waitForController } from './pwa-helpers';

const env = useServerAndBrowser();

describe('offline in the test browser', () => {
	it('reaches a document loaded while offline, and it hears the network come back', async () => {
		const context = await env.browser.newContext();
		const page = await context.newPage();
		await page.goto(env.server.url + '/');
		await waitForController(page);
		// Visit once under the service worker, as a person would before losing the network.
		await page.goto(env.server.url + '/');
		await page.getByRole('heading', { level: 1 }).waitFor();
		await context.setOffline(true);
		await page.reload();
		await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
		// A request still fails: the network is gone, not only the flag.
		expect(await page.evaluate(() => fetch('/healthz', { cache: 'no-store' }).then(() => 'answered', () => 'refused'))).toBe('refused');

		const second = await context.newPage();
		await second.goto(env.server.url + '/');
		await expect.poll(() => second.evaluate(() => navigator.onLine)).toBe(false);

		await page.evaluate(() => {
			(window as unknown as { heardOnline: boolean }).heardOnline = false;
			addEventListener('online', () => ((window as unknown as { heardOnline: boolean }).heardOnline = true));
		});
		await context.setOffline(false);
		await expect.poll(() => page.evaluate(() => (window as unknown as { heardOnline: boolean }).heardOnline)).toBe(true);
		expect(await page.evaluate(() => navigator.onLine)).toBe(true);
		await context.close();
	});
});
