// Where a relay's time goes between a frame and its broadcast, the same probe for both relays: loaded
// with --import into either (both use the `ws` package from node_modules), it notes when `ws` hands a
// frame to the relay ('message') and when the relay first calls `send` after it. Only lone frames
// count: none in the 2 ms before, none after it before its first send (a paced update, not a burst).
// Samples go to $PROBE_DIR/<script>-<pid>.json every 5 s and at exit; summarize with
// `node bench/tools/send-probe.mjs summary <file>...`. Run (from the repository):
//   BENCH_ROUNDS=3 BENCH_IDLE=0 PROBE_DIR=/tmp/probe \
//   BENCH_NODE_ARGS="--import $PWD/bench/tools/send-probe.mjs" \
//   BENCH_REFERENCE_NODE_ARGS="--import $PWD/bench/tools/send-probe.mjs" npx tsx bench/relay.ts
// Cost: two performance.now() and a few property writes per frame (~1 µs), in both relays alike.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const LONE_GAP_MS = 2;

if (process.argv[2] === 'summary') {
	const at = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))].toFixed(0);
	for (const file of process.argv.slice(3)) {
		const samples = JSON.parse(readFileSync(file, 'utf8'));
		const us = samples.map((s) => (s.firstSend - s.received) * 1000).sort((a, b) => a - b);
		if (us.length === 0) console.log(`${basename(file)}: no lone frame`);
		else console.log(`${basename(file)}: ${us.length} lone frames, frame → first send p50 ${at(us, 0.5)} µs, p90 ${at(us, 0.9)} µs, p99 ${at(us, 0.99)} µs`);
	}
} else if (process.env.PROBE_DIR) {
	const { WebSocket } = await import('ws');
	const samples = [];
	let lastReceived = -Infinity;
	/** The lone frame waiting for its first send, if any. */
	let current = null;
	const emit = WebSocket.prototype.emit;
	WebSocket.prototype.emit = function (event, ...args) {
		if (event === 'message') {
			const now = performance.now();
			// Another frame before the first send: that one is not lone (nor is this one).
			current = now - lastReceived > LONE_GAP_MS && current === null ? { received: now } : null;
			lastReceived = now;
		}
		return emit.call(this, event, ...args);
	};
	const send = WebSocket.prototype.send;
	WebSocket.prototype.send = function (...args) {
		if (current !== null) {
			samples.push({ received: current.received, firstSend: performance.now() });
			current = null;
		}
		return send.apply(this, args);
	};
	const dir = process.env.PROBE_DIR;
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `${basename(process.argv[1] ?? 'node')}-${process.pid}.json`);
	const dump = () => writeFileSync(file, JSON.stringify(samples));
	setInterval(dump, 5000).unref();
	process.on('exit', dump);
}
