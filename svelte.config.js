import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// A configured tile style lives on another origin: let the map fetch it and its tiles.
const mapOrigin = (() => {
	try {
		return process.env.PUBLIC_MAP_STYLE_URL ? [new URL(process.env.PUBLIC_MAP_STYLE_URL).origin] : [];
	} catch {
		return [];
	}
})();

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		alias: {
			// The SQLite store is shared by SvelteKit's server routes and the relay process.
			$store: 'sync-server/store',
			$relay: 'sync-server/relay'
		},
		serviceWorker: { register: false },
		// Absolute /_app/… asset paths: an offline fallback page served for /initiatives/x
		// must not ask for /initiatives/_app/… (relative paths resolve from the URL shown).
		paths: { relative: false },
		// Kit's form check runs in hooks.server.ts instead, so that RFC 8058 one-click unsubscribe alone is exempt.
		csrf: { trustedOrigins: ['*'] },
		// Scripts only from this origin (SvelteKit adds a nonce or hash to its own inline
		// bootstrap). Styles allow inline: Svelte, MapLibre and the editor set style attributes.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', ...mapOrigin],
				'font-src': ['self', 'data:', ...mapOrigin],
				'connect-src': ['self', ...mapOrigin],
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
