/**
 * `npm run bench`: every benchmark of the project, one after the other, then
 * one table — figure, value, target, and a baseline measured in the same run —
 * written to bench/results.json and bench/RESULTS.md. A benchmark whose script
 * is not in bench/ is skipped with a note. Loopback only; needs a build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureDocOpen } from './relay-doc-open';
import { runLoad } from './load';

const BENCH = fileURLToPath(new URL('.', import.meta.url));

interface Row {
	bench: string;
	figure: string;
	value: string;
	target: string;
	baseline: string;
	ok?: boolean;
}

const rows: Row[] = [];
const notes: string[] = [];
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** Runs `bench/<script>` in its own process; returns its printed output, or null (with a note). */
function runProcess(script: string, env: Record<string, string> = {}): string | null {
	if (!existsSync(BENCH + script)) {
		notes.push(`${script}: not in bench/ on this branch — skipped`);
		return null;
	}
	console.log(`\n▶ ${script}`);
	const run = spawnSync(process.execPath, ['--import', 'tsx', BENCH + script], {
		env: { ...process.env, ...env },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 64 * 1024 * 1024
	});
	process.stdout.write(run.stdout ?? '');
	if (run.status !== 0) {
		notes.push(`${script}: exited with ${run.status} — no figures`);
		return null;
	}
	return run.stdout;
}

/** Runs `bench/<script>` and returns the results file it writes, or null (with a note). */
function runScript(script: string, resultFile: string, env: Record<string, string> = {}): any {
	if (runProcess(script, env) === null) return null;
	if (!existsSync(BENCH + resultFile)) {
		notes.push(`${script}: wrote no ${resultFile}`);
		return null;
	}
	return JSON.parse(readFileSync(BENCH + resultFile, 'utf8'));
}

function proximity(): void {
	const r = runScript('proximity.ts', 'results/proximity.json', { BENCH_SIZES: '1000000' });
	const big = r?.results?.find((x: { initiatives: number }) => x.initiatives === 1_000_000) ?? r?.results?.at(-1);
	if (!big) return;
	// Issue 4: at 1 M, p50 < 1 ms, p99 < 5 ms, ≥ 100× faster than the scan.
	for (const set of big.sets as { set: string; p50: number; p99: number; mean: number }[]) {
		const speedup = big.scan.mean / set.mean;
		rows.push({
			bench: 'proximity', figure: `near p50 / p99, ${set.set} (${big.initiatives.toLocaleString('en')})`,
			value: `${fmt(set.p50, 2)} / ${fmt(set.p99, 2)} ms (×${fmt(speedup, 0)} scan)`, target: 'p50 < 1, p99 < 5 ms, ≥ ×100',
			baseline: `full scan ${fmt(big.scan.mean, 0)} ms mean`, ok: set.p50 < 1 && set.p99 < 5 && speedup >= 100
		});
	}
}

function relay(): void {
	const r = runScript('relay.ts', 'results/relay.json');
	if (!r) return;
	const { kohero, reference } = r.throughput;
	// Issue 5: ≥ 1.0× the reference's throughput, p99 < 20 ms; 10,000 idle connections under 1 GB.
	rows.push({ bench: 'relay', figure: 'updates/s (50 docs × 4 clients)', value: fmt(kohero.updatesPerSecond, 0), target: '≥ 1.0× reference', baseline: `reference ${fmt(reference.updatesPerSecond, 0)}`, ok: kohero.updatesPerSecond >= reference.updatesPerSecond });
	rows.push({ bench: 'relay', figure: 'propagation p99 under that load', value: `${fmt(kohero.p99, 0)} ms`, target: '< 20 ms', baseline: `reference ${fmt(reference.p99, 0)} ms`, ok: kohero.p99 < 20 });
	if (r.lightLoad) {
		rows.push({ bench: 'relay', figure: 'update p50, light load', value: `${fmt(r.lightLoad.kohero.p50, 2)} ms`, target: '—', baseline: `reference ${fmt(r.lightLoad.reference.p50, 2)} ms` });
	}
	if (r.idle) {
		const k = r.idle.kohero;
		const ref = r.idle.reference;
		rows.push({
			bench: 'connections', figure: `idle authenticated connections opened / process RSS`, value: `${k.opened} / ${fmt(k.rssMiB, 0)} MiB`,
			target: `${k.requested} open, < 1 GB`, baseline: `reference ${ref.opened} / ${fmt(ref.rssMiB, 0)} MiB`, ok: k.opened === k.requested && k.rssMiB < 1024
		});
	}
}

function bundle(): void {
	// Issue 6: the feed's first render, map and editor excluded, ≤ 100 kB gzip.
	const b = runScript('bundle.ts', 'results/bundle.json');
	if (!b) return;
	const lazy = (b.lazyChunks as { gzipKb: number }[]).reduce((n, c) => n + c.gzipKb, 0);
	rows.push({
		bench: 'bundle', figure: 'feed first-render JS (gzip; map, editor lazy)', value: `${fmt(b.firstRenderFeed.gzipKb)} kB (${b.firstRenderFeed.files} files)`,
		target: `≤ ${b.firstRenderFeed.targetKb} kB`, baseline: `all lazy chunks ${fmt(lazy)} kB`, ok: b.firstRenderFeed.withinTarget
	});
}

function offlineStart(): void {
	const o = runScript('offline-start.ts', 'results/offline-start.json');
	if (!o) return;
	rows.push({ bench: 'offline start', figure: 'installed app, no network, service worker stopped first, to first feed card (median / min–max)', value: `${o.medianMs} / ${o.minMs ?? '?'}–${o.maxMs} ms`, target: `< ${o.targetMs} ms`, baseline: '—', ok: o.maxMs < o.targetMs });
}

function syncBack(): void {
	const s = runScript('sync-back.ts', 'results/sync-back.json');
	if (!s) return;
	rows.push({ bench: 'sync back', figure: `network back → ${s.docs} pending documents acknowledged (median / min–max, ${s.runs.length} rounds)`, value: `${s.medianMs} / ${s.minMs}–${s.maxMs} ms`, target: '—', baseline: '—' });
}

function docOpenInBrowser(): void {
	// Issue 5: opening a document with 10,000 edits from IndexedDB in Chromium, < 200 ms.
	const out = runProcess('doc-open.ts');
	if (!out) return;
	const blocks = [...out.matchAll(/doc-open \[([^\]]+)\]: (\d+) edits[^\n]*\n\s*open median ([\d.]+) ms, best ([\d.]+) ms, worst ([\d.]+) ms/g)];
	const merged = blocks.find((m) => m[1].startsWith('rows merged'));
	for (const m of blocks) {
		rows.push({
			bench: 'doc open', figure: `IndexedDB in Chromium, ${m[2]} edits: ${m[1]} (median / worst)`, value: `${m[3]} / ${m[5]} ms`,
			target: '< 200 ms', baseline: m === merged ? '—' : `merged rows ${merged?.[3] ?? '?'} ms`, ok: Number(m[5]) < 200
		});
	}
}

async function relayDocOpen(): Promise<void> {
	console.log('\n▶ relay-doc-open.ts');
	const d = await measureDocOpen();
	rows.push({ bench: 'doc open', figure: `first sync from the relay, ${d.messages} messages (${fmt(d.docKiB, 0)} KiB), cold p50/p99`, value: `${fmt(d.cold.p50, 1)} / ${fmt(d.cold.p99, 1)} ms`, target: '—', baseline: `warm (in memory) ${fmt(d.warm.p50, 1)} / ${fmt(d.warm.p99, 1)} ms` });
}

async function load(): Promise<void> {
	console.log('\n▶ HTTP load');
	const [near, feed, healthz] = await runLoad(true);
	for (const f of [near, feed]) {
		rows.push({
			bench: 'load', figure: `${f.target}: req/s · p50 · p99 · errors`,
			value: `${fmt(f.requestsPerSecond, 0)} · ${f.p50Ms} ms · ${f.p99Ms} ms · ${f.errors + f.non2xx} (${f.timeouts} timeouts)`,
			target: 'p99 < 50 ms, 0 errors', baseline: `/healthz ${fmt(healthz.requestsPerSecond, 0)} req/s, p99 ${healthz.p99Ms} ms`,
			ok: f.p99Ms < 50 && f.errors + f.non2xx === 0
		});
	}
}

const started = Date.now();
console.log(`Kohero benchmark suite — ${cpus().length} CPU(s), Node ${process.version}`);
proximity();
relay();
bundle();
offlineStart();
syncBack();
docOpenInBrowser();
await relayDocOpen();
await load();

const mark = (r: Row) => (r.ok === undefined ? '' : r.ok ? '✓' : '✗');
const table = [
	'| bench | figure | value | target | baseline (same run) | |',
	'|---|---|---|---|---|---|',
	...rows.map((r) => `| ${r.bench} | ${r.figure} | ${r.value} | ${r.target} | ${r.baseline} | ${mark(r)} |`)
].join('\n');
console.log(`\n${table}\n${notes.map((n) => `note: ${n}`).join('\n')}`);
const meta = { date: new Date().toISOString(), cpus: cpus().length, node: process.version, seconds: Math.round((Date.now() - started) / 1000) };
writeFileSync(BENCH + 'results.json', JSON.stringify({ ...meta, rows, notes }, null, 2) + '\n');
writeFileSync(
	BENCH + 'RESULTS.md',
	`# Latest benchmark figures\n\nGenerated by \`npm run bench\` on ${meta.date} (${meta.cpus} CPUs, shared; Node ${meta.node}; ${meta.seconds} s). ` +
		`Loopback only. Raw figures: \`bench/results.json\` (written by the same run, not committed).\n\n${table}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`
);
