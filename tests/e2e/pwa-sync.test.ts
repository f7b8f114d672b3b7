/** Sync state a person can read: "synchronisé à 14:32" per workspace, and refusals never dropped. */
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { useServerAndBrowser } from '../helpers/browser';
import { clientOf, LYON, signUp, waitForController } from './pwa-helpers';

const env = useServerAndBrowser();

const mobile = { viewport: { width: 390, height: 844 } };

async function ownInitiative(context: BrowserContext, title: string): Promise<string> {
	const api = await clientOf(context, env.server.url);
	return (await api.post('/api/initiatives', { title, summary: '', category: 'solidarity', ...LYON })).body.initiative.id as string;
}

describe('sync state', () => {
	it('a workspace says when it last synced, in the active language, and still says it offline', async () => {
		const context = await env.browser.newContext(mobile);
		await signUp(context, env.server.url, 'Lina');
		const id = await ownInitiative(context, 'Épicerie solidaire');
		const page = await context.newPage();
		await page.goto(`${env.server.url}/initiatives/${id}`);
		await waitForController(page);
		await page.reload();
		const status = page.getByRole('status', { name: 'État de la synchronisation' }).filter({ hasText: /ynchronis/ });
		// After the reload the socket reconnects and syncs: the poll waits for that (e2e ceiling: vitest.config.ts).
		await expect.poll(() => status.textContent()).toMatch(/^Synchronisé à \d{2}:\d{2}$/);
		const time = (await status.textContent())!.slice('Synchronisé à '.length);
		// fr-FR's short time of now, or of a minute ago if the minute turned meanwhile.
		const expected = await page.evaluate(() =>
			[0, 60_000].map((ago) => new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short' }).format(Date.now() - ago))
		);
		expect(expected).toContain(time);
		await page.screenshot({ path: '/tmp/pwa2-synced.png' });

		await context.setOffline(true);
		await page.reload();
		await page.getByTestId('doc-synced-at').waitFor();
		expect(await page.getByTestId('doc-synced-at').textContent()).toContain(`synchronisé à ${time}`);
		await page.screenshot({ path: '/tmp/pwa2-synced-offline.png' });
		await context.close();
	});

	it('a change refused after replay is listed with "Réessayer" and "Ignorer", never dropped', async () => {
		const context = await env.browser.newContext(mobile);
		await signUp(context, env.server.url, 'Karim');
		const id = await ownInitiative(context, 'Covoiturage du marché');
		const page = await context.newPage();
		await page.goto(`${env.server.url}/initiatives/${id}`);
		await waitForController(page);
		await page.reload();
		await page.getByRole('button', { name: 'Quitter' }).waitFor();

		// Offline, the last owner leaves: accepted on the device, refused by the server later (409).
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Quitter' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Quitter' }).click();
		await page.getByText('en attente de connexion').first().waitFor();
		await context.setOffline(false);

		const panel = page.getByRole('alert').filter({ hasText: 'Modifications refusées par le serveur' });
		await panel.getByText('Départ d’une initiative').waitFor({ timeout: 20_000 });
		await panel.getByRole('button', { name: 'Réessayer' }).waitFor();
		// Without a reload, the button goes back to the server's state: still a member (owner).
		await page.getByRole('button', { name: 'Quitter' }).waitFor();
		await page.reload();
		await page.getByRole('button', { name: 'Quitter' }).waitFor();
		// Survives the reload; a retry is refused again and stays; "Ignorer" forgets it.
		await panel.getByRole('button', { name: 'Réessayer' }).click();
		await panel.getByText('Départ d’une initiative').waitFor();
		await expect.poll(() => page.evaluate(() => new Promise<number>((resolve) => {
			const req = indexedDB.open('kohero');
			req.onsuccess = () => {
				const count = req.result.transaction('outbox').objectStore('outbox').count();
				count.onsuccess = () => resolve(count.result);
			};
		}))).toBe(1);
		await panel.getByRole('button', { name: 'Ignorer' }).click();
		await panel.waitFor({ state: 'detached' });
		const api = await clientOf(context, env.server.url);
		expect((await api.get(`/api/initiatives/${id}`)).body.viewerRole).toBe('owner');
		await context.close();
	});
});
