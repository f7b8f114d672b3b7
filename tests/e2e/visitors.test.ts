/**
 * A visitor without an account, in Chromium: the feed around a commune picked
 * with the keyboard, the map, an initiative page read-only, and "Rejoindre"
 * through sign-up back to the initiative, joined. axe-core clean on each page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, useServerAndBrowser } from '../helpers/browser';
import { Client } from '../helpers/client';
import { parisIn } from '../api/meeting-fixtures';

const env = useServerAndBrowser();
// The points the gazetteer gives Lyon 1er and Lyon 4e (static/data/places-fr.json).
const LYON_1 = { lat: 45.7676, lng: 4.8345 };
const LYON_4 = { lat: 45.7751, lng: 4.8271 };
// A village of 649 people with no other place within 6 km: its name shows only from zoom 11.
const VILLAGE = { name: 'Sainte-Croix-Volvestre', lat: 43.1254, lng: 1.1748 };
let pentes: string;
let plateau: string;
let chorale: string;

beforeAll(async () => {
	const owner = new Client(env.server.url);
	await owner.signup({ displayName: 'Inès Fondatrice' });
	const create = async (title: string, at: { lat: number; lng: number }, placeName: string) => {
		const res = await owner.post('/api/initiatives', { title, summary: `${title} : venez nombreux.\nDétails ensuite.`, category: 'food', ...at, placeName });
		expect(res.status).toBe(201);
		return res.body.initiative.id as string;
	};
	pentes = await create('Épicerie solidaire des Pentes', LYON_1, 'Lyon 1er');
	plateau = await create('Grainothèque du Plateau', LYON_4, 'Lyon 4e');
	chorale = await create('Chorale du village', { lat: VILLAGE.lat + 0.002, lng: VILLAGE.lng }, VILLAGE.name);
	const meeting = await owner.post(`/api/initiatives/${plateau}/meetings`, {
		title: 'Troc de graines de printemps',
		startsAt: parisIn(5),
		placeName: 'Mairie du 4e',
		...LYON_4
	});
	expect(meeting.status).toBe(201);
});

/** The town names the page's map draws. */
function townsDrawn(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		type M = { queryRenderedFeatures(o: object): { properties: { name: string } }[] };
		const map = (document.querySelector('.map-canvas') as unknown as { koheroMap: M }).koheroMap;
		return map.queryRenderedFeatures({ layers: ['place-labels'] }).map((f) => f.properties.name);
	});
}

async function expectAccessible(page: Page, what: string) {
	expect(await seriousA11yViolations(page), what).toEqual([]);
}

/** The signed-out home, with the commune search open. */
async function openCommuneSearch(page: Page) {
	await page.goto(`${env.server.url}/`);
	await page.getByRole('button', { name: 'Une commune' }).click();
	return page.getByRole('combobox', { name: 'Commune' });
}

describe('a visitor', () => {
	it('picks a commune with the keyboard (↓ then Entrée picks the first) and sees the initiatives and meetings around it', async () => {
		const context = await env.browser.newContext();
		const page = await context.newPage();
		const search = await openCommuneSearch(page);
		await search.fill('lyon');
		await page.getByRole('option', { name: /^Lyon\b/ }).first().waitFor();
		// WAI-ARIA combobox: nothing is selected until the arrow keys move.
		expect(await search.getAttribute('aria-activedescendant')).toBeNull();
		expect(await page.locator('[role=option][aria-selected=true]').count()).toBe(0);
		await search.press('ArrowDown');
		expect(await page.locator('[role=option][aria-selected=true]').textContent()).toMatch(/^Lyon\s+69001/);
		await search.press('Enter');
		await page.getByText('Autour de Lyon', { exact: true }).waitFor();

		// Now the 4th arrondissement by name, as people say it.
		await search.fill('Croix-Rousse');
		await page.getByRole('option', { name: /Lyon 4e/ }).waitFor();
		await search.press('ArrowDown');
		await search.press('Enter');
		await page.getByText('Autour de Lyon 4e', { exact: true }).waitFor();
		const cards = page.locator('.initiative-card');
		await cards.filter({ hasText: 'Épicerie solidaire des Pentes' }).waitFor();
		const titles = await cards.locator('.title').allTextContents();
		expect(titles.map((t) => t.trim())).toEqual(['Grainothèque du Plateau', 'Épicerie solidaire des Pentes']);
		// Lyon 1er and 4e are distinct places: the Pentes are more than 1 km from the Plateau.
		const farther = await cards.filter({ hasText: 'Épicerie solidaire' }).locator('.distance').textContent();
		expect(farther).toMatch(/à 1(,\d)?\s?km/);
		// First line of the summary on the card.
		expect(await cards.first().locator('.excerpt').textContent()).toBe('Grainothèque du Plateau : venez nombreux.');
		// The next meeting's date on the card of the initiative that has one, none on the other.
		await cards.first().locator('.next-meeting').getByText(/^Prochaine réunion : /).waitFor();
		expect(await cards.filter({ hasText: 'Épicerie solidaire' }).locator('.next-meeting').count()).toBe(0);
		// The upcoming meetings around the commune, signed out.
		const meetings = page.getByRole('region', { name: 'Prochaines réunions dans le coin' });
		await meetings.getByRole('link', { name: 'Troc de graines de printemps' }).waitFor();
		expect(await meetings.textContent()).toContain('Grainothèque du Plateau');
		await expectAccessible(page, 'visitor feed');
		await context.close();
	});

	it('uses "Ma position" and sees the initiatives and meetings around it', async () => {
		const context = await env.browser.newContext({ geolocation: { latitude: LYON_4.lat, longitude: LYON_4.lng }, permissions: ['geolocation'] });
		const page = await context.newPage();
		await page.goto(`${env.server.url}/`);
		await page.getByRole('button', { name: 'Ma position' }).click();
		await page.locator('.initiative-card').filter({ hasText: 'Grainothèque du Plateau' }).waitFor();
		const meetings = page.getByRole('region', { name: 'Prochaines réunions dans le coin' });
		await meetings.getByRole('link', { name: 'Troc de graines de printemps' }).waitFor();
		await expectAccessible(page, 'visitor feed around the position');
		// The signed-in feed's filters: category, then words.
		const titles = () => page.locator('.initiative-card .title').allTextContents().then((t) => t.map((x) => x.trim()).sort());
		await page.getByLabel('Catégorie').selectOption('environment');
		await page.getByText(/^Aucune initiative à moins de 10 km/).waitFor();
		await page.getByLabel('Catégorie').selectOption('');
		await expect.poll(titles).toEqual(['Grainothèque du Plateau', 'Épicerie solidaire des Pentes']);
		await page.getByLabel('Rechercher').fill('épicerie');
		await expect.poll(titles).toEqual(['Épicerie solidaire des Pentes']);
		await context.close();
	});

	it('once signed in, gets the same cards (first line, next meeting) and the meetings near the chosen place', async () => {
		const person = new Client(env.server.url);
		await person.signup({ displayName: 'Voisine Connectée' });
		const context = await env.browser.newContext();
		await context.addCookies([{ name: 'kohero_session', value: person.cookie.split('=')[1], url: env.server.url }]);
		const page = await context.newPage();
		await page.goto(`${env.server.url}/?lat=${LYON_4.lat}&lng=${LYON_4.lng}&at=Lyon%204e`);
		const card = page.locator('.initiative-card').filter({ hasText: 'Grainothèque du Plateau' });
		await card.locator('.next-meeting').getByText(/^Prochaine réunion : /).waitFor();
		expect(await card.locator('.excerpt').textContent()).toBe('Grainothèque du Plateau : venez nombreux.');
		const meetings = page.getByRole('region', { name: 'Prochaines réunions près de chez vous' });
		await meetings.getByRole('link', { name: 'Troc de graines de printemps' }).waitFor();
		await context.close();
	});

	it('reads the map signed out', async () => {
		const context = await env.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${env.server.url}/map`);
		await page.locator('.map-view[data-status="ready"]').waitFor({ timeout: 60_000 });
		expect(await page.getAttribute('.map-view', 'data-style')).toBe('embedded');
		// MapLibre's own controls speak French.
		await page.getByRole('button', { name: 'Zoomer', exact: true }).waitFor();
		await page.getByRole('button', { name: 'Dézoomer', exact: true }).waitFor();
		await expectAccessible(page, '/map');
		await context.close();
	});

	it('reads an initiative page without workspace or members, and joins through sign-up back to it', async () => {
		const context = await env.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${env.server.url}/initiatives/${plateau}`);
		await page.getByRole('heading', { level: 1, name: 'Grainothèque du Plateau' }).waitFor();
		await page.getByText('Inès Fondatrice', { exact: false }).first().waitFor();
		expect(await page.getByRole('tablist').count()).toBe(0);
		expect(await page.locator('.workspace').count()).toBe(0);
		await page.getByText('La liste des membres est visible une fois connecté·e.').waitFor();
		// Its upcoming meetings are public.
		await page.getByRole('link', { name: 'Troc de graines de printemps' }).waitFor();
		await expectAccessible(page, 'initiative page (visitor)');

		await page.getByRole('link', { name: 'Rejoindre' }).click();
		await page.waitForURL(/\/signup\?next=/);
		await expectAccessible(page, 'sign-up with next');
		await page.getByLabel('Nom affiché').fill('Nouvelle Voisine');
		await page.getByLabel('Adresse e-mail').fill(`visiteuse-${Date.now()}@exemple.fr`);
		await page.getByLabel('Mot de passe').fill('motdepasse-solide');
		await page.getByRole('button', { name: 'Créer mon compte' }).click();
		await page.waitForURL(`${env.server.url}/initiatives/${plateau}`);
		await page.getByRole('button', { name: 'Quitter' }).waitFor();
		const cookie = (await context.cookies()).find((c) => c.name === 'kohero_session');
		const me = new Client(env.server.url);
		me.cookie = `kohero_session=${cookie?.value}`;
		expect((await me.get(`/api/initiatives/${plateau}`)).body.viewerRole).toBe('member');
		await context.close();
	});

	it("sees the village's name on the small map of an initiative there", async () => {
		const context = await env.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${env.server.url}/initiatives/${chorale}`);
		await page.locator('.map-view[data-status="ready"]').waitFor({ timeout: 60_000 });
		await expect.poll(() => townsDrawn(page), { timeout: 30_000 }).toContain(VILLAGE.name);
		await context.close();
	});

	it('shares an initiative: the system sheet where there is one, else the link copied', async () => {
		const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
		const page = await context.newPage();
		const url = `${env.server.url}/initiatives/${pentes}`;
		await page.goto(url);
		await page.getByRole('heading', { level: 1, name: 'Épicerie solidaire des Pentes' }).waitFor();
		// Headless Chromium on Linux has no share sheet: the link goes to the clipboard.
		expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
		await page.getByRole('button', { name: 'Partager' }).click();
		await page.getByRole('status').filter({ hasText: 'Lien copié.' }).waitFor();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

		// With the Web Share API, the sheet gets the title, the summary and the link.
		await page.addInitScript(() => {
			const shared: ShareData[] = [];
			Object.assign(window, { shared });
			Object.defineProperty(navigator, 'share', { value: async (data: ShareData) => void shared.push(data) });
		});
		await page.reload();
		await page.getByRole('button', { name: 'Partager' }).click();
		await page.waitForFunction(() => (window as unknown as { shared: ShareData[] }).shared.length === 1);
		expect(await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared[0])).toEqual({
			title: 'Épicerie solidaire des Pentes',
			text: 'Épicerie solidaire des Pentes : venez nombreux.\nDétails ensuite.',
			url
		});
		await context.close();
	});

	it('logs in through "J’ai déjà un compte" and comes back to the initiative, joined', async () => {
		const email = `deja-${Date.now()}@exemple.fr`;
		await new Client(env.server.url).signup({ displayName: 'Déjà Inscrite', email, password: 'motdepasse-solide' });
		const context = await env.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${env.server.url}/initiatives/${pentes}`);
		await page.getByRole('link', { name: 'J’ai déjà un compte' }).click();
		await page.waitForURL(/\/login\?next=/);
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByLabel('Mot de passe').fill('motdepasse-solide');
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await page.waitForURL(`${env.server.url}/initiatives/${pentes}`);
		await page.getByRole('button', { name: 'Quitter' }).waitFor();
		await context.close();
	});

	it('never follows a next path to another site', async () => {
		const context = await env.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${env.server.url}/signup?next=${encodeURIComponent('//evil.example/x')}&join=1`);
		await page.getByLabel('Nom affiché').fill('Prudente');
		await page.getByLabel('Adresse e-mail').fill(`prudente-${Date.now()}@exemple.fr`);
		await page.getByLabel('Mot de passe').fill('motdepasse-solide');
		await page.getByRole('button', { name: 'Créer mon compte' }).click();
		await page.waitForURL(`${env.server.url}/profile`);
		expect(pentes).toBeTruthy();
		await context.close();
	});
});
