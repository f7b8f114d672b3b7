/** Shared steps of the PWA end-to-end tests: a server with a test hook in its SW, accounts, SW readiness. */
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Client } from '../helpers/client';
import { launchBrowser } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';

export interface SwSuffixSetup {
	server(): TestServer;
	browser(): Browser;
	/** Replaces the code appended to the service worker (a new version: the browser updates it). */
	writeSuffix(code: string): void;
}

/**
 * For the test file's lifetime: Chromium and a server whose /service-worker.js ends with test-only
 * code read from a file (KOHERO_TEST_SW_SUFFIX_FILE, sync-server/test-service-worker.ts), `suffix` at first.
 */
export function useServerWithSwSuffix(suffix = '', env: Record<string, string> = {}): SwSuffixSetup {
	const dir = mkdtempSync(join(tmpdir(), 'kohero-sw-'));
	const file = join(dir, 'suffix.js');
	writeFileSync(file, suffix);
	let server: TestServer | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ env: { KOHERO_TEST_SW_SUFFIX_FILE: file, ...env } }), launchBrowser()]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.dispose();
		rmSync(dir, { recursive: true, force: true });
	});
	const ready = <T>(value: T | undefined): T => {
		if (value === undefined) throw new Error('the server and the browser start before the tests');
		return value;
	};
	return { server: () => ready(server), browser: () => ready(browser), writeSuffix: (code) => writeFileSync(file, code) };
}

export const LYON = { lat: 45.764, lng: 4.8357 };

/** Signs up in `context` (its cookie jar gets the session) with a home near Lyon. */
export async function signUp(context: BrowserContext, baseUrl: string, displayName: string) {
	const email = `pwa-${Math.random().toString(36).slice(2)}@exemple.fr`;
	const res = await context.request.post(`${baseUrl}/api/auth/signup`, {
		data: { email, password: 'motdepasse-solide', displayName }
	});
	if (res.status() !== 201) throw new Error(`signup ${res.status()} ${await res.text()}`);
	await context.request.patch(`${baseUrl}/api/me`, { data: { home: LYON } });
	const user = (await res.json()).user as { id: string; displayName: string };
	return { ...user, email };
}

/** A Node API client holding the same session as `context`. */
export async function clientOf(context: BrowserContext, baseUrl: string): Promise<Client> {
	const client = new Client(baseUrl);
	const cookie = (await context.cookies()).find((c) => c.name === 'kohero_session');
	client.cookie = cookie ? `kohero_session=${cookie.value}` : '';
	return client;
}

/** Resolves once a service worker controls the page. */
export async function waitForController(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (navigator.serviceWorker.controller) return;
		await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
	});
}
