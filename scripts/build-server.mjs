// Bundles sync-server/main.ts into build/server.js (Node 20 cannot run .ts).
// npm packages stay external and load from node_modules at run time.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
	entryPoints: [`${root}sync-server/main.ts`],
	outfile: `${root}build/server.js`,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	alias: { $lib: `${root}src/lib`, $store: `${root}sync-server/store`, $relay: `${root}sync-server/relay` },
	logLevel: 'warning'
});
console.log('built build/server.js');
