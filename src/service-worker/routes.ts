/**
 * Which requests the service worker caches, and where: pure functions shared by
 * the service worker (index.ts), the page side (clearing caches) and their specs.
 */

const PAGES = 'kohero-pages-';
const DATA = 'kohero-data-';
const SHELL = 'kohero-shell-';
const PER_VERSION = [PAGES, DATA, SHELL];

export const RUNTIME_CACHES = {
	/** Visited pages (server-rendered HTML, personal): one cache per app version. */
	pages: (version: string) => PAGES + version,
	/** __data.json of client-side navigations, per app version. */
	data: (version: string) => DATA + version,
	/** `/` as rendered at install time: the offline fallback for pages never visited. */
	shell: (version: string) => SHELL + version,
	api: 'kohero-api',
	tiles: 'kohero-tiles',
	/** Whose pages the personal caches hold, and when they were last filled (personal). */
	meta: 'kohero-meta',
	/** Page caches of another version reference scripts that no longer exist. */
	isOutdated: (name: string, version: string) =>
		PER_VERSION.some((prefix) => name.startsWith(prefix)) && !name.endsWith(version),
	/** Caches holding what a signed-in person saw: emptied when they clear the device. */
	isPersonal: (name: string) =>
		PER_VERSION.some((prefix) => name.startsWith(prefix)) || name === 'kohero-api' || name === 'kohero-meta'
};

/**
 * Pages kept for offline use as soon as a person's session starts, whether or
 * not they were opened: their code is precached, and a full load needs their
 * HTML as rendered for this person. `/offline` is the app's own page for the rest.
 */
export const OFFLINE_PAGES = ['/', '/offline', '/mine', '/initiatives/new', '/map', '/people', '/profile', '/settings'];
export const OFFLINE_FALLBACK = '/offline';
/** At most this many of the person's initiatives are kept as pages at session start. */
export const MAX_KEPT_INITIATIVES = 40;

/** The key a page's `__data.json` is kept under: one per page, whichever nodes were asked for. */
export function dataKey(url: URL): string {
	return url.origin + url.pathname;
}

/** The `__data.json` URL of a page (all nodes: no `x-sveltekit-invalidated`). */
export function dataUrlOf(pageUrl: URL): URL {
	const path = pageUrl.pathname === '/' ? '/__data.json' : `${pageUrl.pathname.replace(/\/$/, '')}/__data.json`;
	return new URL(path, pageUrl.origin);
}

/** Pages worth keeping: our own origin, not the API, auth or sync, not a data file. */
export function isKeepablePage(url: URL, ownOrigin: string): boolean {
	return url.origin === ownOrigin && !url.pathname.startsWith('/api/') && !isUncached(url) && !url.pathname.includes('.');
}

/** Never cached: sessions must not outlive the server's say-so, and /sync is a live socket. */
export function isUncached(url: URL): boolean {
	return url.pathname.startsWith('/api/auth/') || url.pathname === '/sync' || url.pathname.startsWith('/sync/');
}

const API_READS = [
	/^\/api\/me$/,
	/^\/api\/me\/initiatives$/,
	/^\/api\/initiatives\/near$/,
	/^\/api\/initiatives\.geojson$/,
	/^\/api\/initiatives\/[A-Za-z0-9_-]{8,64}$/,
	/^\/api\/initiatives\/[A-Za-z0-9_-]{8,64}\/members$/,
	/^\/api\/people\/near$/,
	/^\/api\/meetings\/(near|[A-Za-z0-9_-]{8,64})$/,
	/^\/api\/initiatives\/[A-Za-z0-9_-]{8,64}\/meetings$/
];

/**
 * Reads where a slightly stale answer is fine while the fresh one loads (lists
 * around a point). Everything else the pages read must reflect the person's own
 * last write (join, edit, profile), so it goes to the network first.
 */
const BROWSING_READS = [/^\/api\/initiatives\/near$/, /^\/api\/initiatives\.geojson$/, /^\/api\/people\/near$/];

/** Whether a cached read may be served before revalidating (stale-while-revalidate). */
export function mayServeStale(url: URL): boolean {
	return BROWSING_READS.some((re) => re.test(url.pathname));
}

/** The API GETs that the feed and pages read, kept for offline use. */
export function isPersonalApiRead(url: URL): boolean {
	return !isUncached(url) && API_READS.some((re) => re.test(url.pathname));
}

const TILE_PATH = /\.(pbf|mvt|png|jpg|jpeg|webp)$|\/tiles?\/|\/glyphs?\/|\/sprites?/i;

/** Map tiles, glyphs and sprites from any origin, plus our embedded basemap and gazetteer. */
export function isTileRequest(url: URL, ownOrigin: string, destination: string): boolean {
	if (url.origin === ownOrigin) return url.pathname.startsWith('/data/') || url.pathname.startsWith('/tiles/');
	return TILE_PATH.test(url.pathname) || destination === 'image' || url.pathname.endsWith('style.json');
}
