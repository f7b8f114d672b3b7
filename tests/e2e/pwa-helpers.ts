/** Shared steps of the PWA end-to-end tests: accounts made over HTTP in a browser context, SW readiness. */
import type { BrowserContext, Page } from 'playwright-core';
import { Client } from '../helpers/client';

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
