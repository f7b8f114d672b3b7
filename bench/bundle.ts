/**
 * Bundle size: the JavaScript and CSS the first render of the feed page needs
 * (Kit's entry modules and the route's nodes with their static imports; lazy
 * chunks such as the map and the editor excluded), gzipped as served, and the
 * whole client build for comparison. Needs `npm run build` first.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Client } from '../tests/helpers/client';
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

/** The files reachable through static `import … from` (not lazy `import()`), the first render's JavaScript. */
function staticClosure(roots: string[]): Set<string> {
	const seen = new Set<string>();
	const queue = [...roots];
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		const code = readFileSync(file, 'utf8');
		for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g)) {
			queue.push(join(dirname(file), m[1]));
		}
	}
	return seen;
}

/** Measures what `/` loads on a first visit and the whole client build. */
export async function measureBundle(): Promise<BundleFigures> {
	const server = await startServer();
	try {
		// Signed in with a home: `/` is then the proximity feed.
		const person = new Client(server.url);
		await person.signup();
		await person.patch('/api/me', { home: { lat: 45.764, lng: 4.8357 } });
		const html = (await person.get('/')).text;
		// Kit boots with import("./_app/immutable/entry/…") and names the route's nodes in node_ids.
		const entries = [...html.matchAll(/import\("\.?\/?(_app\/[^"]+\.js)"\)/g)].map((m) => join(CLIENT, m[1]));
		const nodeIds = /node_ids:\s*\[([\d,\s]+)\]/.exec(html)?.[1].split(',').map((n) => n.trim()) ?? [];
		const nodesDir = join(CLIENT, '_app/immutable/nodes');
		const nodes = readdirSync(nodesDir)
			.filter((name) => name.endsWith('.js') && nodeIds.includes(name.split('.')[0]))
			.map((name) => join(nodesDir, name));
		const js = [...staticClosure([...entries, ...nodes])];
		const css = [...html.matchAll(/href="\.?\/?(_app\/[^"]+\.css)"/g)].map((m) => join(CLIENT, m[1]));
		const files = [...js, ...css];
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
