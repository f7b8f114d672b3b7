/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Kohero's service worker: the built app and static files are precached per
 * version; the signed-in person's pages (visited or not) and the API reads the
 * feed and pages make are kept for offline use, per person (session.ts); map
 * tiles are cached with a size limit. Authentication and the /sync WebSocket
 * are never touched.
 */
import { build, files, prerendered, version } from '$service-worker';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import {
	dataKey,
	isPersonalApiRead,
	isTileRequest,
	isUncached,
	mayServeStale,
	OFFLINE_FALLBACK,
	RUNTIME_CACHES
} from './routes';
import { PersonalCaches, type PageMessage } from './session';
import { listenForPush } from '../lib/sw/push-handlers';

const sw = self as unknown as ServiceWorkerGlobalScope;
listenForPush(sw);

// Build files carry a content hash in their name; the rest change with the version.
precacheAndRoute([
	...build.map((url) => ({ url, revision: null })),
	...files.filter((url) => !url.endsWith('.map')).map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version }))
]);
// The shell is kept for offline fallback only, never served in place of the network:
// `/` is rendered per person and per language, and anything in Workbox's precache is
// routed cache-first, so it lives in a cache of its own.
const shell = RUNTIME_CACHES.shell(version);
sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(shell).then((cache) => cache.add('/')));
});
cleanupOutdatedCaches();

const ok = new CacheableResponsePlugin({ statuses: [200] });
const pages = RUNTIME_CACHES.pages(version);

// Pages: the network when it answers, else the page as last seen, else the app shell.
registerRoute(
	({ request, url }) => request.mode === 'navigate' && !isUncached(url),
	new NetworkFirst({
		cacheName: pages,
		networkTimeoutSeconds: 4,
		matchOptions: { ignoreVary: true },
		plugins: [ok, new ExpirationPlugin({ maxEntries: 120 })]
	})
);

// Client-side navigations read their server data from __data.json: one copy per
// page whatever nodes were asked for (a copy with every node answers any request).
registerRoute(
	({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('/__data.json'),
	async ({ request, url, event }) => {
		const response = await fetch(request).catch(() => null);
		if (response?.ok) {
			const full = !url.searchParams.get('x-sveltekit-invalidated')?.includes('0');
			const copy = response.clone();
			const keep = async () => {
				const cache = await caches.open(RUNTIME_CACHES.data(version));
				if (full || !(await cache.match(dataKey(url)))) await cache.put(dataKey(url), copy);
			};
			// Kept in the background: the page gets its answer (a stream) at once.
			(event as ExtendableEvent).waitUntil(keep().catch(() => undefined));
			return response;
		}
		if (response) return response;
		const cached = await caches.match(dataKey(url), { cacheName: RUNTIME_CACHES.data(version), ignoreVary: true });
		return cached ?? Response.error();
	}
);

// API reads: lists around a point are stale-while-revalidate; what reflects the
// person's own writes (an initiative, its members, me) is network-first, served
// from the cache only when the network fails or is slower than 4 s. A fetch with
// `cache: 'no-cache'` (right after the app's own write) is always network-first.
const apiPlugins = [ok, new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600 })];
const apiFresh = new NetworkFirst({ cacheName: RUNTIME_CACHES.api, networkTimeoutSeconds: 4, plugins: apiPlugins });
const apiStale = new StaleWhileRevalidate({ cacheName: RUNTIME_CACHES.api, plugins: apiPlugins });
registerRoute(
	({ request, url, sameOrigin }) => sameOrigin && request.method === 'GET' && isPersonalApiRead(url),
	(options) => {
		const wantsFresh = ['no-cache', 'reload', 'no-store'].includes(options.request.cache);
		return (wantsFresh || !mayServeStale(options.url) ? apiFresh : apiStale).handle(options);
	}
);

// Map tiles, styles and glyphs (possibly from the configured tile origin) and the
// embedded basemap/gazetteer: they rarely change, so cache first within limits.
registerRoute(
	({ url, request }) => isTileRequest(url, sw.location.origin, request.destination),
	new CacheFirst({
		cacheName: RUNTIME_CACHES.tiles,
		plugins: [
			new CacheableResponsePlugin({ statuses: [0, 200] }),
			new ExpirationPlugin({ maxEntries: 1500, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true })
		]
	})
);

// Offline, a page kept with other query parameters (the feed's filters) is still
// that page; a page never kept gets the app's own offline page, never a bare shell.
setCatchHandler(async ({ request, url }) => {
	if (request.mode !== 'navigate' || !url) return Response.error();
	const cache = await caches.open(pages);
	const options = { ignoreVary: true };
	return (
		(await cache.match(request, { ...options, ignoreSearch: true })) ??
		(await cache.match(OFFLINE_FALLBACK, options)) ??
		(await caches.match('/', { ...options, cacheName: shell })) ??
		Response.error()
	);
});

const personal = new PersonalCaches(version, sw.location.origin);
sw.addEventListener('message', (event) => {
	const message = event.data as PageMessage | null;
	// workbox-window's messageSkipWaiting(), sent when the person taps "Mettre à jour".
	if (message?.type === 'SKIP_WAITING') {
		void sw.skipWaiting();
		return;
	}
	if (message?.type !== 'SESSION' && message?.type !== 'KEEP') return;
	// The page may wait for the answer (its port) to know the pages are kept.
	const done = personal.handle(message).then((error) => event.ports[0]?.postMessage(error ?? 'done'));
	event.waitUntil(done);
});

sw.addEventListener('activate', (event) => {
	// Pages and page data of older versions point at scripts that are gone.
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys
						.filter((k) => RUNTIME_CACHES.isOutdated(k, version))
						.map((k) => caches.delete(k))
				)
			)
			.then(() => sw.clients.claim())
	);
});
