/**
 * Opening a document with 10,000 edits from IndexedDB in Chromium
 * (issue target: < 200 ms). Prints figures; never fails a test run.
 *   npx tsx bench/doc-open.ts [edits]
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from '../tests/helpers/browser';

const EDITS = Number(process.argv[2] ?? 10_000);
const RUNS = 5;

const bundle = await build({
	entryPoints: [new URL('./doc-open.browser.ts', import.meta.url).pathname],
	bundle: true,
	write: false,
	format: 'esm',
	target: 'es2022',
	minify: true
});
const js = bundle.outputFiles[0].text;
const server = createServer((req, res) => {
	if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
	else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title><script type="module" src="/bench.js"></script>');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const browser = await launchBrowser();
try {
	const page = await browser.newPage();
	await page.goto(url);
	await page.waitForFunction(() => 'bench' in window);
	const call = <T>(fn: string, ...args: unknown[]) =>
		page.evaluate(([f, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
	type Opened = { ms: number; tasks: number; chars: number; rowsAfter: number };
	const scenarios = [
		{ label: 'rows merged, stock y-indexeddb open', merge: true, reopen: false, stock: true },
		{ label: 'rows merged, openLocalCopy', merge: true, reopen: false, stock: false },
		{ label: 'unmerged rows (tab closed while typing), stock y-indexeddb open', merge: false, reopen: false, stock: true },
		{ label: 'unmerged rows (tab closed while typing), first open, openLocalCopy', merge: false, reopen: false, stock: false },
		{ label: 'unmerged rows, second open (merged by the first), openLocalCopy', merge: false, reopen: true, stock: false }
	];
	for (const { label, merge, reopen, stock } of scenarios) {
		const times: number[] = [];
		let written = { rows: 0, bytes: 0 };
		let last: Opened = { ms: 0, tasks: 0, chars: 0, rowsAfter: 0 };
		for (let i = 0; i < RUNS; i++) {
			written = await call<{ rows: number; bytes: number }>('write', EDITS, merge);
			if (reopen) await call<Opened>('open', stock);
			last = await call<Opened>('open', stock);
			times.push(last.ms);
		}
		times.sort((a, b) => a - b);
		console.log(`doc-open [${label}]: ${EDITS} edits in ${written.rows} rows (${(written.bytes / 1024).toFixed(1)} KiB state, ${last.tasks} tasks, ${last.chars} chars); ${last.rowsAfter} rows after open`);
		console.log(`  open median ${times[RUNS >> 1].toFixed(1)} ms, best ${times[0].toFixed(1)} ms, worst ${times[RUNS - 1].toFixed(1)} ms over ${RUNS} runs (target < 200 ms)`);
	}
} finally {
	await browser.close();
	server.close();
}
