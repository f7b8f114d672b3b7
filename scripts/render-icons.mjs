// Renders the PWA icons (192/512, "any" and "maskable") from static/favicon.svg
// in headless Chromium. Run by hand when the logo changes; the PNGs are committed.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const svg = readFileSync('static/favicon.svg', 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [192, 512]) {
	for (const maskable of [false, true]) {
		// Maskable icons keep the logo inside the central 80 % safe zone on a full-bleed background.
		const inner = maskable ? Math.round(size * 0.6) : size;
		await page.setViewportSize({ width: size, height: size });
		await page.setContent(`<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? '#1f6f4a' : 'transparent'}"><img src="${dataUrl}" width="${inner}" height="${inner}"></body></html>`);
		await page.locator('img').evaluate((img) => img.decode());
		const name = `static/icons/icon-${maskable ? 'maskable-' : ''}${size}.png`;
		await page.screenshot({ path: name, omitBackground: !maskable });
		console.log(name);
	}
}
await browser.close();
