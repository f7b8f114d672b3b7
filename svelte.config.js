import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
		serviceWorker: { register: false }
	}
};

export default config;
