// node bench/tools/gap-profile.mjs /tmp/loop-gaps-<pid>.json <profile>.cpuprofile [topN] [fromSeconds]:
// the functions a CPU profile (BENCH_CPU_PROF) sampled inside the six longest loop gaps that
// start at least fromSeconds after the profile does (self and inclusive ms), so a stall can be
// named. Measured this way: bench/RESULTS.md, turn 7.
import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const from = p.startTime + Number(process.argv[5] ?? 0) * 1e6;
const gaps = JSON.parse(readFileSync(process.argv[2], 'utf8')).filter((g) => g.start >= from).sort((a, b) => b.ms - a.ms).slice(0, 6);
const top = Number(process.argv[4] ?? 25);
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
let t = p.startTime; const ts = p.timeDeltas.map((d) => (t += d));
for (const g of gaps) {
  const self = new Map(), incl = new Map(); let n = 0;
  p.samples.forEach((id, i) => {
    if (ts[i] < g.start || ts[i] > g.end) return;
    n++;
    const dt = (p.timeDeltas[i + 1] ?? 250) / 1000;
    const node = byId.get(id); self.set(name(node), (self.get(name(node)) ?? 0) + dt);
    const seen = new Set(); let cur = id;
    while (cur !== undefined) { const nm = name(byId.get(cur)); if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + dt); } cur = parent.get(cur); }
  });
  console.log(`\n=== gap ${g.ms.toFixed(1)} ms at +${((g.start - p.startTime) / 1e6).toFixed(2)} s, ${n} samples`);
  console.log('-- self'); [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).forEach(([k, v]) => console.log(v.toFixed(1).padStart(6), k));
  console.log('-- inclusive'); [...incl].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, v]) => console.log(v.toFixed(1).padStart(6), k));
}
