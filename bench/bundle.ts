/**
 * `npm run bench:bundle` (after `npm run build`): gzip size of the JavaScript the
 * feed (`/`) needs for its first render — Kit's entry, the root layout and the
 * home page with their static imports, map and editor excluded (they are lazy) —
 * and the gzip size of every lazy chunk. Figures only; never fails.
 */
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

interface Chunk {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
	isEntry?: boolean;
	src?: string;
}

const ROOT = new URL('..', import.meta.url).pathname;
const CLIENT = join(ROOT, '.svelte-kit/output/client');
const manifest = JSON.parse(readFileSync(join(CLIENT, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
const TARGET_KB = 100;

const gz = (file: string) => gzipSync(readFileSync(join(CLIENT, file)), { level: 9 }).length;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Keys of the node whose component is `component`, e.g. src/routes/+page.svelte. */
function nodeOf(component: string): string {
	for (const key of Object.keys(manifest)) {
		if (!/client-optimized\/nodes\/\d+\.js$/.test(key)) continue;
		const source = readFileSync(join(ROOT, key), 'utf8');
		if (source.includes(`/${component}"`)) return key;
	}
	throw new Error(`no node for ${component}`);
}

const roots = [
	...Object.keys(manifest).filter((k) => manifest[k].isEntry && /entry\.js$|app\.js$/.test(k)),
	nodeOf('src/routes/+layout.svelte'),
	nodeOf('src/routes/+page.svelte')
];

const initial = new Set<string>();
const visit = (key: string) => {
	if (initial.has(key)) return;
	initial.add(key);
	for (const dep of manifest[key].imports ?? []) visit(dep);
};
roots.forEach(visit);

const initialFiles = [...initial].map((k) => manifest[k].file);
const firstRender = initialFiles.reduce((sum, f) => sum + gz(f), 0);
const isMapOrEditor = (name: string) => /maplibre|tiptap|prosemirror|notes-editor|MapView|PickMap|PointMap/i.test(name);
const excluded = initialFiles.filter(isMapOrEditor);

const immutable = join(CLIENT, '_app/immutable');
const lazy = ['chunks', 'nodes', 'entry']
	.flatMap((dir) => readdirSync(join(immutable, dir)).map((f) => `_app/immutable/${dir}/${f}`))
	.filter((f) => f.endsWith('.js') && !initialFiles.includes(f))
	.map((file) => {
		const key = Object.keys(manifest).find((k) => manifest[k].file === file);
		return { file, source: key ?? '', gzipKb: kb(gz(file)) };
	})
	.sort((a, b) => b.gzipKb - a.gzipKb);

const result = {
	measuredAt: new Date().toISOString(),
	firstRenderFeed: { gzipKb: kb(firstRender), targetKb: TARGET_KB, withinTarget: kb(firstRender) <= TARGET_KB, files: initialFiles.length, mapOrEditorInInitial: excluded },
	lazyChunks: lazy
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/bundle.json'), JSON.stringify(result, null, 2));
console.log(`First render of the feed: ${result.firstRenderFeed.gzipKb} kB gzip in ${initialFiles.length} files (target ≤ ${TARGET_KB} kB)`);
if (excluded.length) console.log(`  warning: map/editor code in the initial set: ${excluded.join(', ')}`);
console.log('Lazy chunks (gzip):');
for (const c of lazy) console.log(`  ${String(c.gzipKb).padStart(7)} kB  ${c.file}  ${c.source.replace(/^.*node_modules\//, '')}`);
