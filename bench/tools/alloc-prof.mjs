// Preload for the relay under a benchmark (BENCH_NODE_ARGS="--import ./bench/tools/alloc-prof.mjs"): V8's
// sampling heap profiler over the whole run, counting objects the young and old collections freed too,
// so it shows where the garbage comes from (not only what stays). Written at exit to
// /tmp/alloc-<pid>.heapprofile; summary: node bench/tools/alloc-prof.mjs /tmp/alloc-<pid>.heapprofile [topN]
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

if (process.argv[2]?.endsWith('.heapprofile')) {
	const { head } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
	const self = new Map();
	const incl = new Map();
	const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
	const walk = (node, path) => {
		const nm = name(node);
		self.set(nm, (self.get(nm) ?? 0) + node.selfSize);
		const here = path.has(nm) ? path : new Set([...path, nm]);
		for (const s of here) incl.set(s, (incl.get(s) ?? 0) + node.selfSize);
		for (const child of node.children) walk(child, here);
	};
	walk(head, new Set());
	const total = self.size ? [...self.values()].reduce((a, b) => a + b, 0) : 0;
	const top = Number(process.argv[3] ?? 30);
	const mb = (b) => (b / 1048576).toFixed(1).padStart(8);
	console.log(`sampled ${mb(total)} MiB allocated`);
	console.log('-- self'); [...self].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, v]) => console.log(mb(v), k));
	console.log('-- inclusive'); [...incl].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, v]) => console.log(mb(v), k));
} else {
	const session = new Session();
	session.connect();
	session.post('HeapProfiler.startSampling', { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
	process.on('exit', () => {
		session.post('HeapProfiler.stopSampling', (err, result) => {
			if (!err) writeFileSync(`/tmp/alloc-${process.pid}.heapprofile`, JSON.stringify(result.profile));
		});
	});
}
