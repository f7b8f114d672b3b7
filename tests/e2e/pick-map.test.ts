/**
 * The map that picks an initiative's place (issue #17, "Commune picker"):
 * choosing a commune flies there, zooming keeps the point in view, a click
 * refines it, and the hint says "cliquez" with a mouse, "touchez" on a phone.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useServerAndBrowser } from '../helpers/browser';
import { signUp } from './pwa-helpers';

const env = useServerAndBrowser();

type View = { lng: number; lat: number; zoom: number; point: [number, number] | null };

/** The pick map once idle: its centre and zoom, and the chosen point where the map draws it (null: not in view). */
async function view(page: Page): Promise<View> {
	return page.evaluate(async () => {
		type M = {
			once(e: string, f: () => void): void;
			triggerRepaint(): void;
			getCenter(): { lng: number; lat: number };
			getZoom(): number;
			queryRenderedFeatures(o: object): { geometry: { coordinates: [number, number] } }[];
		};
		const map = (document.querySelector('.place-picker .map-canvas') as unknown as { koheroMap: M }).koheroMap;
		const idle = new Promise<void>((resolve) => map.once('idle', () => resolve()));
		map.triggerRepaint();
		await idle;
		const { lng, lat } = map.getCenter();
		const drawn = map.queryRenderedFeatures({ layers: ['the-point'] })[0];
		return { lng, lat, zoom: map.getZoom(), point: drawn ? drawn.geometry.coordinates : null };
	});
}

async function newInitiativePage(options: BrowserContextOptions) {
	const context = await env.browser.newContext(options);
	await signUp(context, env.server.url, 'Paule Lieu');
	const page = await context.newPage();
	await page.goto(`${env.server.url}/initiatives/new`);
	await page.locator('.place-picker .map-view[data-status="ready"]').waitFor({ timeout: 60_000 });
	return { context, page };
}

describe('the pick map', () => {
	it('flies to the chosen commune, keeps the point in view while zooming, and a click refines it (mouse: "cliquez")', async () => {
		const { context, page } = await newInitiativePage({ viewport: { width: 1280, height: 900 } });
		await page.getByText('Ou cliquez sur la carte pour placer le point.').waitFor();
		await page.getByRole('region', { name: 'Cliquez sur la carte pour choisir le lieu.' }).waitFor();
		expect(await page.getByText(/touchez/i).count()).toBe(0);
		// Nothing chosen yet: France as a whole.
		expect((await view(page)).zoom).toBeLessThan(6);

		await page.getByRole('combobox', { name: 'Rechercher une commune' }).fill('Lyon');
		await page.getByRole('option', { name: /^Lyon\s+69001/ }).waitFor();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('#place-status').textContent()).toContain('Lieu choisi : Lyon');
		await expect.poll(async () => (await view(page)).zoom, { timeout: 15_000 }).toBeGreaterThanOrEqual(13);
		const flown = await view(page);
		expect(flown.point).not.toBeNull();
		const [lng, lat] = flown.point!;
		expect(Math.abs(flown.lng - lng) + Math.abs(flown.lat - lat)).toBeLessThan(0.005);

		// The wheel over a corner zooms around the centre, where the point is: it stays in view.
		const box = (await page.locator('.place-picker .maplibregl-canvas').boundingBox())!;
		await page.mouse.move(box.x + 10, box.y + 10);
		for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -600);
		await expect.poll(async () => (await view(page)).zoom, { timeout: 15_000 }).toBeGreaterThan(flown.zoom + 1.5);
		const zoomed = await view(page);
		// Drawn (so in view) where it was; rendered coordinates are rounded to the tile grid.
		expect(zoomed.point).not.toBeNull();
		expect(Math.abs(zoomed.point![0] - lng) + Math.abs(zoomed.point![1] - lat)).toBeLessThan(1e-4);
		expect(Math.abs(zoomed.lng - flown.lng) + Math.abs(zoomed.lat - flown.lat)).toBeLessThan(1e-4);

		// A click east of the centre moves the point there, and names the nearest place.
		const canvas = page.locator('.place-picker .maplibregl-canvas');
		const size = (await canvas.boundingBox())!;
		const at = { x: size.width / 2 + 120, y: size.height / 2 };
		const target = await page.evaluate(({ x, y }) => {
			type M = { unproject(p: [number, number]): { lng: number; lat: number } };
			const map = (document.querySelector('.place-picker .map-canvas') as unknown as { koheroMap: M }).koheroMap;
			const { lng, lat } = map.unproject([x, y]);
			return { lng, lat };
		}, at);
		expect(target.lng).toBeGreaterThan(lng);
		await canvas.click({ position: at });
		await expect.poll(async () => Math.abs(((await view(page)).point?.[0] ?? 0) - target.lng), { timeout: 15_000 }).toBeLessThan(0.0005);
		await expect.poll(() => page.locator('#place-status').textContent()).toMatch(/Lieu choisi : Lyon/);
		await context.close();
	});

	it('says "touchez" on a phone', async () => {
		const { context, page } = await newInitiativePage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		await page.getByText('Ou touchez la carte pour placer le point.').waitFor();
		await page.getByRole('region', { name: 'Touchez la carte pour choisir le lieu.' }).waitFor();
		expect(await page.getByText(/cliquez/i).count()).toBe(0);
		await context.close();
	});
});
