/**
 * Every page, signed in and signed out, in French and English: axe-core finds no
 * serious or critical violation, <html lang> follows the language, and the main
 * navigation is reachable with the keyboard alone.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { seriousA11yViolations, useServerAndBrowser } from '../helpers/browser';
import { Client } from '../helpers/client';

const env = useServerAndBrowser();

async function signedInContext(locale: 'fr' | 'en'): Promise<{ context: BrowserContext; initiativeId: string }> {
	const client = new Client(env.server.url);
	await client.signup({ displayName: 'Maëlle' });
	await client.patch('/api/me', { home: { lat: 45.764, lng: 4.8357 }, discoverable: true, skills: ['jardinage'] });
	const created = await client.post('/api/initiatives', {
		title: 'Jardin partagé des Pentes',
		summary: 'Des bacs, des graines et des voisin·es.',
		category: 'environment',
		lat: 45.77,
		lng: 4.83,
		placeName: 'Lyon'
	});
	expect(created.status).toBe(201);
	const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
	const [name, value] = client.cookie.split('=');
	await context.addCookies([
		{ name, value, url: env.server.url },
		{ name: 'kohero_lang', value: locale, url: env.server.url }
	]);
	return { context, initiativeId: created.body.initiative.id as string };
}

describe('accessibility of every page', () => {
	for (const locale of ['fr', 'en'] as const) {
		it(`signed-in pages pass axe-core (${locale})`, async () => {
			const { context, initiativeId } = await signedInContext(locale);
			const page = await context.newPage();
			const paths = [
				'/',
				'/map',
				'/mine',
				'/people',
				'/profile',
				'/settings',
				'/initiatives/new',
				`/initiatives/${initiativeId}`,
				`/initiatives/${initiativeId}/edit`,
				'/initiatives/inconnue-0000'
			];
			const problems: string[] = [];
			for (const path of paths) {
				await page.goto(env.server.url + path);
				await page.locator('main').waitFor();
				await page.waitForLoadState('networkidle').catch(() => undefined);
				expect(await page.getAttribute('html', 'lang'), path).toBe(locale);
				for (const v of await seriousA11yViolations(page)) problems.push(`${path}: ${v}`);
			}
			expect(problems).toEqual([]);
			await context.close();
		});
	}

	it('signed-out pages pass axe-core', async () => {
		const context = await env.browser.newContext();
		const page = await context.newPage();
		const problems: string[] = [];
		for (const path of ['/', '/login', '/signup', '/page-qui-n-existe-pas']) {
			await page.goto(env.server.url + path);
			await page.locator('main').waitFor();
			for (const v of await seriousA11yViolations(page)) problems.push(`${path}: ${v}`);
		}
		expect(problems).toEqual([]);
		await context.close();
	});

	it('reaches the skip link and every tab of the main navigation with the keyboard', async () => {
		const { context } = await signedInContext('fr');
		const page = await context.newPage();
		await page.goto(env.server.url + '/');
		await page.locator('main').waitFor();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Aller au contenu');
		const reached = new Set<string>();
		for (let i = 0; i < 40 && reached.size < 4; i++) {
			await page.keyboard.press('Tab');
			const label = await page.evaluate(() => {
				const el = document.activeElement;
				return el?.closest('nav[aria-label="Navigation principale"]') ? (el.textContent?.trim() ?? '') : '';
			});
			if (label) reached.add(label);
		}
		expect([...reached].sort()).toEqual(['Carte', 'Fil', 'Mes initiatives', 'Profil']);
		// Enter on a focused tab navigates.
		await page.getByRole('link', { name: 'Carte' }).focus();
		await page.keyboard.press('Enter');
		await page.waitForURL('**/map');
		await context.close();
	});
});
