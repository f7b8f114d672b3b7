/**
 * The relay lets go of documents: after many connect/disconnect cycles across
 * many documents it holds no loaded document, socket or listener, and its
 * memory is back near the baseline measured after a warm-up cycle.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, createInitiative, say, synced, useRelayServer, withDb } from './helpers';

const DOCS = 40;
const CYCLES = 10;
const WARM_UP_DOCS = 20;
/** Distinct map keys per document: small on disk (~10 B each), ~0.3 kB each in a loaded Y.Doc. */
const KEYS_PER_DOC = 4_000;
const MiB = 1024 * 1024;
/**
 * Generous: without a leak RSS moved by 1–9 MiB; with the relay made to keep
 * every document loaded, it grew by ~76 MiB (40 docs + a per-connection rise).
 */
const LEAK_BOUND_BYTES = 32 * MiB;

const relay = useRelayServer(['alice'], { nodeArgs: ['--expose-gc'] });
const { alice } = relay.members;

/** The relay's gauges and counters, read over HTTP like an operator would. */
async function readMetrics(gc = false): Promise<Map<string, number>> {
	const res = await fetch(`${relay.server.url}/metrics${gc ? '?gc=1' : ''}`);
	if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
	const values = new Map<string, number>();
	for (const line of (await res.text()).split('\n')) {
		const match = /^(kohero_\w+) (\S+)$/.exec(line);
		if (match) values.set(match[1], Number(match[2]));
	}
	return values;
}

function gauge(values: Map<string, number>, name: string): number {
	const value = values.get(`kohero_relay_${name}`);
	if (value === undefined) throw new Error(`no gauge ${name} in /metrics`);
	return value;
}

/** VmRSS of the server process, in bytes, after a few forced collections. */
async function settledRss(): Promise<number> {
	for (let i = 0; i < 3; i++) {
		await readMetrics(true);
		await new Promise((r) => setTimeout(r, 100));
	}
	const status = readFileSync(`/proc/${relay.server.process.pid}/status`, 'utf8');
	const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status);
	if (!kb) throw new Error('no VmRSS in /proc status');
	return Number(kb[1]) * 1024;
}

/** Same seed for every document, written as its stored snapshot (fast set-up). */
function seedUpdate(): Uint8Array {
	const doc = new Y.Doc();
	const board = doc.getMap<number>('board');
	doc.transact(() => {
		for (let i = 0; i < KEYS_PER_DOC; i++) board.set(`k${i}`, i);
	});
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

/** What must fall back to zero once every client has gone. */
const IDLE_GAUGES = [
	'loaded_docs', 'open_connections', 'rooms', 'tracked_sockets', 'ws_clients',
	'fanout_subscriptions', 'store_cached_docs', 'store_running_compactions'
] as const;

/** Polls /metrics until every idle gauge is zero; returns the last reading either way. */
async function untilRelayIdle(timeoutMs = 10_000): Promise<Map<string, number>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const values = await readMetrics();
		if (IDLE_GAUGES.every((name) => gauge(values, name) === 0) || Date.now() > deadline) return values;
		await new Promise((r) => setTimeout(r, 50));
	}
}

function expectIdle(values: Map<string, number>, when: string): void {
	for (const name of IDLE_GAUGES) expect(gauge(values, name), `${name} ${when}`).toBe(0);
}

/** Creates `count` initiatives of alice whose stored snapshot is `seed`. */
function seededDocs(count: number, seed: Uint8Array): string[] {
	const docIds = Array.from({ length: count }, () => createInitiative(relay.server, alice));
	withDb(relay.server.dataDir, (sqlite) => {
		const insert = sqlite.prepare('INSERT INTO doc_snapshots (doc_id, state, seq, updated_at) VALUES (?, ?, 0, ?)');
		for (const docId of docIds) insert.run(docId, seed, Date.now());
	});
	return docIds;
}

describe('relay memory', () => {
	// y-websocket's provider listens to the process' exit until it is destroyed: a cycle holds 10 providers
	// at once, beside the listeners of the test worker itself (Node warns past 10 per event).
	const maxListeners = process.getMaxListeners();
	beforeAll(() => void process.setMaxListeners(maxListeners + 10));
	afterAll(() => void process.setMaxListeners(maxListeners));

	it('returns to its baseline after many connect/disconnect cycles across many documents', { timeout: 120_000 }, async () => {
		const seed = seedUpdate();
		// One long-lived Y.Doc per document on our side: reconnecting syncs only what is new.
		const local = new Map<string, Y.Doc>();

		/** Each document: connect, sync, write one message, disconnect; then the relay must be idle. */
		async function cycle(docIds: string[], round: number): Promise<void> {
			for (let i = 0; i < docIds.length; i += 10) {
				await Promise.all(
					docIds.slice(i, i + 10).map(async (docId) => {
						let doc = local.get(docId);
						if (!doc) {
							local.set(docId, (doc = new Y.Doc()));
							Y.applyUpdate(doc, seed);
						}
						const c = connectClient(relay.server.wsUrl, docId, alice.cookie, doc);
						await synced(c);
						say(c.doc, alice.id, `cycle ${round}`);
						c.provider.awareness.destroy();
						c.provider.destroy();
					})
				);
			}
			expectIdle(await untilRelayIdle(), `after cycle ${round}`);
		}

		// The warm-up uses other documents, so that none of the measured ones is in the baseline.
		await cycle(seededDocs(WARM_UP_DOCS, seed), 0);
		const baseline = await settledRss();
		const docIds = seededDocs(DOCS, seed);
		for (let round = 1; round <= CYCLES; round++) await cycle(docIds, round);
		const after = await settledRss();
		console.log(
			`relay RSS: baseline ${(baseline / MiB).toFixed(1)} MiB, after ${CYCLES} cycles × ${DOCS} docs ` +
				`${(after / MiB).toFixed(1)} MiB (Δ ${((after - baseline) / MiB).toFixed(1)} MiB)`
		);

		const values = await readMetrics();
		// Every document's edits reached the store: the cycles really ran.
		expect(values.get('kohero_relay_updates_persisted_total')).toBe(WARM_UP_DOCS + DOCS * CYCLES);
		expect(after - baseline).toBeLessThan(LEAK_BOUND_BYTES);
		for (const doc of local.values()) doc.destroy();
	});
});
