// The house's walls, enforced by folder (globs, so new folders are covered as
// they appear). Each source file falls in exactly one group; a group's list is
// everything it must never import. `npm run check` runs this through `npm run lint`.

const SERVER = ['$lib/server', '$lib/server/*', '**/server', '**/server/*'];
const STORE = ['$store', '$store/*', '**/sync-server/store', '**/sync-server/store/*'];
const RELAY = ['$relay', '$relay/*', '**/sync-server/relay', '**/sync-server/relay/*'];
const SYNC_SERVER = ['**/sync-server', '**/sync-server/*'];
const DRIVERS = ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'ws', 'nodemailer', 'web-push'];
/** Node's built-in modules, with and without the node: prefix. */
const NODE = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'worker_threads', 'stream', 'url', 'events', 'zlib', 'dns', 'tls', 'perf_hooks'];
const BROWSER_STATE = ['$lib/state', '$lib/state/*', '$lib/local', '$lib/local/*', '$lib/api', '$lib/api/*', '$lib/components', '$lib/components/*'];
const SVELTE_IO = ['svelte/store', '$app/*', '$env/*', 'dexie', 'y-indexeddb', 'y-websocket'];

const rules = (...restrictions) => ({
	'@typescript-eslint/no-restricted-imports': ['error', { patterns: restrictions.map(([group, message, extra]) => ({ group, message, ...extra })) }]
});

/** Server-only files of src/: lib/server, *.server.ts, endpoints and everything under routes/api. */
const SERVER_FILES = ['src/lib/server/**', 'src/**/*.server.ts', 'src/routes/**/+server.ts', 'src/routes/api/**', 'src/hooks.server.ts'];
const DOMAIN_FILES = ['src/lib/domain/**'];

export const boundaries = [
	{
		name: 'walls/domain: pure, no I/O',
		files: ['src/lib/domain/**/*.{ts,svelte}'],
		// Specs beside the code may read fixtures from disk; the code they test may not.
		ignores: ['src/lib/domain/**/*.spec.ts'],
		rules: rules(
			[[...NODE, ...DRIVERS, ...SVELTE_IO], 'lib/domain does no I/O: pure functions and data only.'],
			[[...SERVER, ...STORE, ...RELAY, ...SYNC_SERVER, ...BROWSER_STATE], 'lib/domain depends on nothing but itself (and pure libraries).']
		)
	},
	{
		name: 'walls/browser: never server code',
		files: ['src/**/*.{ts,svelte}'],
		// app.d.ts only types the server's locals (no code runs from it).
		ignores: [...SERVER_FILES, ...DOMAIN_FILES, 'src/app.d.ts'],
		rules: rules([[...SERVER, ...STORE, ...RELAY, ...SYNC_SERVER, ...DRIVERS], 'Browser code never imports server code: go through $lib/api (HTTP) or the relay (WebSocket).'])
	},
	{
		name: 'walls/browser: HTTP only through the one API client',
		files: ['src/**/*.{ts,svelte}'],
		// The client itself, the service worker (it is the cache the client goes through) and server code.
		ignores: [...SERVER_FILES, ...DOMAIN_FILES, 'src/lib/api/client.ts', 'src/service-worker/**', 'src/app.d.ts', 'src/**/*.spec.ts'],
		rules: {
			'no-restricted-globals': ['error', { name: 'fetch', message: 'Browser HTTP goes through $lib/api/client (request, api, tryApi): one place for headers, offline and API.md errors.' }],
			'no-restricted-properties': ['error', ...['window', 'globalThis', 'self'].map((object) => ({ object, property: 'fetch', message: 'Browser HTTP goes through $lib/api/client.' }))]
		}
	},
	{
		name: 'walls/routes and lib/server: the store only through lib/server',
		files: SERVER_FILES,
		// hooks.server.ts is the app's composition root (it opens the store), like sync-server/upgrade.ts.
		ignores: ['src/lib/server/**', 'src/hooks.server.ts'],
		rules: rules([[...STORE, ...RELAY, ...SYNC_SERVER], 'Routes never import the store or the relay: call a lib/server function.'])
	},
	{
		name: 'walls/relay: the protocol loop knows no store and no lib/server',
		files: ['sync-server/relay/**/*.ts'],
		rules: rules([[...SERVER, ...STORE, 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '**/store', '**/store/*'], 'The relay talks to the world through its hooks (hooks.ts); upgrade.ts wires the store in.'])
	},
	{
		name: 'walls/store: only the relay\'s interface types',
		files: ['sync-server/store/**/*.ts'],
		rules: rules([[...RELAY, '**/relay', '**/relay/*'], 'The store implements the relay\'s interfaces: import their types only (import type).', { allowTypeImports: true }])
	}
];
