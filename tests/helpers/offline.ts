/**
 * Offline as a device is offline. Chromium 150 (Debian's since December 2026) applies DevTools' offline
 * emulation — what `context.setOffline` sends — to the documents alive when it is sent, not to those loaded
 * afterwards: a page the service worker serves while offline starts with `navigator.onLine === true` and never
 * hears an `offline` event, requests refused all the same, where a real device with no network says false.
 * Chromium 149 did not do this (the offline tests passed on it). So each new document of a context's pages is
 * told again while the context is offline, and told first when it comes back.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

const conditions = (offline: boolean) => ({ offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

/** Makes `context.setOffline` reach every document its pages load while offline, not only the open ones. */
export function offlineReachesNewDocuments(context: BrowserContext): BrowserContext {
	const setOffline = context.setOffline.bind(context);
	const sessions = new Map<Page, Promise<CDPSession>>();
	let offline = false;

	async function tell(page: Page, value: boolean): Promise<void> {
		if (page.isClosed()) return;
		let session = sessions.get(page);
		if (!session) sessions.set(page, (session = context.newCDPSession(page)));
		try {
			await (await session).send('Network.emulateNetworkConditions', conditions(value));
		} catch {
			// A page closing meanwhile takes its session with it (or never gets one): nothing left to tell.
		}
	}

	function watch(page: Page): void {
		page.on('framenavigated', (frame) => {
			if (offline && frame === page.mainFrame()) void tell(page, true);
		});
		page.once('close', () => sessions.delete(page));
	}

	context.pages().forEach(watch);
	context.on('page', (page) => {
		watch(page);
		if (offline) void tell(page, true);
	});
	context.setOffline = async (value: boolean) => {
		offline = value;
		await setOffline(value);
		await Promise.all(context.pages().map((page) => tell(page, value)));
	};
	return context;
}
