/** Debian's Chromium driven by playwright-core, with axe-core checks. */
import { chromium, type Browser, type Locator, type Page, type Route } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type TestServer } from './server';
import { offlineReachesNewDocuments } from './offline';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run "npm test" (it installs it) or apt-get install chromium`);
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	// Every context newContext opens goes offline as a device does (offline.ts); newPage's own context does not.
	const newContext = browser.newContext.bind(browser);
	browser.newContext = async (options) => offlineReachesNewDocuments(await newContext(options));
	return browser;
}

/**
 * Holds back the app's scripts so a page stays server-rendered, as on a slow phone, until the returned
 * function lets them through: what a person taps in between is what an early tap does.
 */
export async function holdAppScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	const hold = async (route: Route) => {
		await held;
		await route.continue();
	};
	await page.route('**/_app/immutable/**', hold);
	return release;
}

/**
 * Waits until `control` is enabled: the app keeps script-only controls disabled until the page is live, so this
 * is the signal that typing into a script-driven field (the place search) will be heard.
 */
export async function waitUntilEnabled(control: Locator): Promise<void> {
	await control.and(control.page().locator(':enabled')).waitFor();
}

/** Serious or critical axe-core violations on the page, as readable lines. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The real server and the Chromium that a browser test file shares. */
export interface BrowserTestEnv {
	server: TestServer;
	browser: Browser;
}

/**
 * Starts a server (port 0, temporary DATA_DIR) and Chromium before the file's
 * tests and closes both after them. Fields are set once `beforeAll` has run.
 */
export function useServerAndBrowser(): BrowserTestEnv {
	const env = {} as BrowserTestEnv;
	beforeAll(async () => {
		[env.server, env.browser] = await Promise.all([startServer(), launchBrowser()]);
	});
	afterAll(async () => {
		await env.browser?.close();
		await env.server?.dispose();
	});
	return env;
}
