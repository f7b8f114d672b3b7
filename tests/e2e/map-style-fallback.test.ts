/**
 * With PUBLIC_MAP_STYLE_URL set, the map uses that online style while it
 * answers; when its server goes down mid-session, the map falls back to the
 * embedded basemap at the same place, and later maps start on it directly.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';

// A 1×1 grey PNG for every tile.
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPo6OgAAAMCAYGIYpYAAAAASUVORK5CYII=', 'base64');

let styleServer: Server;
let styleOrigin: string;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
	styleServer = createServer((req, res) => {
		const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
		if (req.url === '/style.json') {
			res.writeHead(200, { ...headers, 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					version: 8,
					name: 'test-online-style',
					sources: { streets: { type: 'raster', tiles: [`${styleOrigin}/tiles/{z}/{x}/{y}.png`], tileSize: 256 } },
					layers: [{ id: 'streets', type: 'raster', source: 'streets' }]
				})
			);
		} else if (req.url?.startsWith('/tiles/')) {
			res.writeHead(200, { ...headers, 'content-type': 'image/png' });
			res.end(TILE);
		} else {
			res.writeHead(404, headers).end();
		}
	});
	await new Promise<void>((resolve) => styleServer.listen(0, '127.0.0.1', resolve));
	styleOrigin = `http://127.0.0.1:${(styleServer.address() as AddressInfo).port}`;
	[server, browser] = await Promise.all([startServer({ env: { PUBLIC_MAP_STYLE_URL: `${styleOrigin}/style.json` } }), launchBrowser()]);
});

afterAll(async () => {
	await browser?.close();
	await server?.dispose();
	styleServer?.closeAllConnections();
	await new Promise((resolve) => styleServer?.close(resolve));
});

describe('online map style', () => {
	it('is used while it answers, and gives way to the embedded basemap when its server goes down', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${server.url}/map`);
		await page.locator('.map-view[data-status="ready"]').waitFor({ timeout: 60_000 });
		expect(await page.getAttribute('.map-view', 'data-style')).toBe('remote');
		expect(await page.evaluate(() => (document.querySelector('.map-canvas') as unknown as { koheroMap: { getStyle(): { name?: string } } }).koheroMap.getStyle().name)).toBe(
			'test-online-style'
		);

		// Zoomed in while the style server answers, until every tile is in: no request is left in flight.
		await page.evaluate(
			() =>
				new Promise<void>((resolve) => {
					const map = (document.querySelector('.map-canvas') as unknown as { koheroMap: { jumpTo(o: object): void; once(e: string, f: () => void): void } }).koheroMap;
					map.once('idle', () => resolve());
					map.jumpTo({ center: [5.37, 43.3], zoom: 9 });
				})
		);
		// The style server goes down mid-session; moving the map asks it for tiles that never come.
		styleServer.closeAllConnections();
		await new Promise((resolve) => styleServer.close(resolve));
		await page.evaluate(() =>
			(document.querySelector('.map-canvas') as unknown as { koheroMap: { jumpTo(o: object): void } }).koheroMap.jumpTo({ center: [5.9, 43.6] })
		);
		await page.locator('.map-view[data-style="embedded"][data-status="ready"]').waitFor({ timeout: 60_000 });
		const view = await page.evaluate(() => {
			const map = (document.querySelector('.map-canvas') as unknown as { koheroMap: { getStyle(): { name?: string }; getZoom(): number } }).koheroMap;
			return { name: map.getStyle().name, zoom: map.getZoom() };
		});
		expect(view).toEqual({ name: 'kohero-embedded', zoom: 9 });

		// A map opened later starts on the embedded basemap at once.
		await page.goto(`${server.url}/`);
		await page.goto(`${server.url}/map`);
		await page.locator('.map-view[data-status="ready"]').waitFor({ timeout: 60_000 });
		expect(await page.getAttribute('.map-view', 'data-style')).toBe('embedded');
		await context.close();
	});
});
