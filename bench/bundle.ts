/**
 * Bundle size: the JavaScript and CSS a first visit to the feed page loads
 * (the modules `/` preloads, gzipped as served over the wire), and the whole
 * client build for comparison. Needs `npm run build` first.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServer } from '../tests/helpers/server';

const CLIENT = fileURLToPath(new URL('../build/client', import.meta.url));

export interface BundleFigures {
	feedInitialJsGzKiB: number;
	feedInitialCssGzKiB: number;
	feedInitialFiles: number;
	allClientJsGzKiB: number;
	allClientJsFiles: number;
}

function gzKiB(path: string): number {
	return gzipSync(readFileSync(path), { level: 9 }).byteLength / 1024;
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

/** Measures what `/` loads on a first visit and the whole client build. */
export async function measureBundle(): Promise<BundleFigures> {
	const server = await startServer();
	try {
		const html = await (await fetch(`${server.url}/`)).text();
		const assets = new Set<string>();
		for (const m of html.matchAll(/(?:href|src)="(?:\.{1,2})?\/?(_app\/[^"]+\.(?:js|css))"/g)) assets.add(m[1]);
		// Kit's inline boot script imports the entry modules by path.
		for (const m of html.matchAll(/import\("(?:\.{1,2})?\/?(_app\/[^"]+\.js)"\)/g)) assets.add(m[1]);
		const files = [...assets].map((a) => join(CLIENT, a));
		const js = files.filter((f) => f.endsWith('.js'));
		const css = files.filter((f) => f.endsWith('.css'));
		const allJs = walk(join(CLIENT, '_app')).filter((f) => f.endsWith('.js'));
		const sum = (list: string[]) => Math.round(list.reduce((n, f) => n + gzKiB(f), 0) * 10) / 10;
		return {
			feedInitialJsGzKiB: sum(js),
			feedInitialCssGzKiB: sum(css),
			feedInitialFiles: files.length,
			allClientJsGzKiB: sum(allJs),
			allClientJsFiles: allJs.length
		};
	} finally {
		await server.dispose();
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	console.log(await measureBundle());
}
