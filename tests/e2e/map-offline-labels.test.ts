/**
 * The map is readable with the network off: town names from the embedded
 * gazetteer (by population as you zoom) and cluster bubbles with their counts,
 * read back through MapLibre's own API (queryRenderedFeatures).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServerAndBrowser } from '../helpers/browser';
import { clientOf, LYON, signUp, waitForController } from './pwa-helpers';

const env = useServerAndBrowser();

type Row = [string, string, string, number, number, number, string?];
const places = (JSON.parse(readFileSync(new URL('../../static/data/places-fr.json', import.meta.url), 'utf8')) as { places: Row[] }).places;

/** A village of about 500 people with no other place within 6 km, so its name has room. */
function lonelyVillage(): Row {
	const km = (a: Row, b: Row) => Math.hypot((a[3] - b[3]) * 111, (a[4] - b[4]) * 111 * Math.cos((a[3] * Math.PI) / 180));
	const found = places.find((v) => v[5] >= 500 && v[5] < 650 && v[3] > 43 && places.every((o) => o === v || km(o, v) > 6));
	if (!found) throw new Error('no lonely village in the gazetteer');
	return found;
}

/** Waits for the map to be idle at a view, then reads what it drew in `layer`. */
async function rendered(page: Page, layer: string, prop: string, view?: { lng: number; lat: number; zoom: number }) {
	return page.evaluate(
		async ({ layer, prop, view }) => {
			type M = {
				jumpTo(o: object): void;
				once(e: string, f: () => void): void;
				loaded(): boolean;
				queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[];
			};
			const map = (document.querySelector('.map-canvas') as unknown as { koheroMap: M }).koheroMap;
			if (view) {
				const idle = new Promise<void>((resolve) => map.once('idle', () => resolve()));
				map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
				await idle;
			}
			return map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties[prop]);
		},
		{ layer, prop, view }
	);
}

describe('offline map', () => {
	it('shows town names by population and cluster counts with the network off', async () => {
		const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
		await signUp(context, env.server.url, 'Lison');
		const api = await clientOf(context, env.server.url);
		for (const [i, title] of ['Compost de la place', 'Ruches du parc', 'Vélos du quai'].entries()) {
			await api.post('/api/initiatives', { title, summary: '', category: 'environment', lat: LYON.lat + i * 0.004, lng: LYON.lng + i * 0.004 });
		}
		const page = await context.newPage();
		await page.goto(`${env.server.url}/`);
		await waitForController(page);
		await page.goto(`${env.server.url}/map`);
		await page.getByRole('link', { name: 'Ruches du parc' }).waitFor();

		await context.setOffline(true);
		const failed: string[] = [];
		page.on('requestfailed', (r) => failed.push(r.url()));
		await page.reload();
		await page.locator('.map-view[data-status="ready"]').waitFor({ timeout: 60_000 });
		expect(await page.getAttribute('.map-view', 'data-style')).toBe('embedded');

		// Around home (zoom 10): the towns and the cluster of three.
		await expect.poll(() => rendered(page, 'cluster-count', 'point_count'), { timeout: 30_000 }).toContain(3);
		const lyonNames = await rendered(page, 'place-labels', 'name');
		expect(lyonNames).toEqual(expect.arrayContaining(['Lyon', 'Villeurbanne']));

		// France at zoom 5: Paris is named, villages are not.
		const france = await rendered(page, 'place-labels', 'name', { lng: 2.35, lat: 47.5, zoom: 5 });
		expect(france).toContain('Paris');
		const small = france.filter((name) => places.find((p) => p[0] === name && p[5] < 5000));
		expect(small).toEqual([]);

		// A village of 500 by zoom 11.
		const village = lonelyVillage();
		const near = await rendered(page, 'place-labels', 'name', { lng: village[4], lat: village[3], zoom: 11 });
		expect(near).toContain(village[0]);

		expect(failed.filter((url) => !url.includes('/api/'))).toEqual([]);
		await context.close();
	});
});
