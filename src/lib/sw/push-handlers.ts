/// <reference lib="webworker" />
/**
 * The service worker's side of Web Push: shows the notification the server
 * sent, and on a tap focuses a window already on that page or opens it.
 * Only same-origin paths are opened, whatever the payload says.
 */

interface PushPayload {
	title?: string;
	body?: string;
	url?: string;
	tag?: string;
}

/** A same-origin path from the payload, or the activity page. */
export function safePath(url: unknown): string {
	return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') && !url.includes('\\') ? url : '/activity';
}

function readPayload(event: PushEvent): PushPayload {
	try {
		return (event.data?.json() as PushPayload | null) ?? {};
	} catch {
		return { body: event.data?.text() ?? '' };
	}
}

async function openPage(sw: ServiceWorkerGlobalScope, path: string): Promise<void> {
	const target = new URL(path, sw.location.origin).href;
	const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
	const same = windows.find((w) => w.url === target);
	// Navigate first: focusing needs the tap's permission, which a browser may refuse; the page still changes.
	const shown = same ?? (windows[0] ? await windows[0].navigate(target).catch(() => null) : null);
	if (shown) {
		await shown.focus().catch(() => undefined);
		return;
	}
	await sw.clients.openWindow(target);
}

/** Adds the `push` and `notificationclick` listeners to the service worker. */
export function listenForPush(sw: ServiceWorkerGlobalScope): void {
	sw.addEventListener('push', (event) => {
		const payload = readPayload(event);
		event.waitUntil(
			sw.registration.showNotification(payload.title || 'Kohero', {
				body: payload.body ?? '',
				tag: payload.tag,
				icon: '/icons/icon-192.png',
				badge: '/icons/icon-maskable-192.png',
				lang: 'fr',
				data: { url: safePath(payload.url) }
			})
		);
	});
	sw.addEventListener('notificationclick', (event) => {
		event.notification.close();
		const data = event.notification.data as { url?: unknown } | null;
		const opening = openPage(sw, safePath(data?.url));
		event.waitUntil(opening);
	});
}
