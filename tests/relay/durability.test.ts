/** Nothing acknowledged is lost: SIGTERM, SIGKILL and compaction under load. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, tempDataDir, type TestServer } from '../helpers/server';
import {
	connectClient, createInitiative, say, signup, storedDoc, synced, texts, waitFor, withDb, type Member, type SyncClient
} from './helpers';

const clients: SyncClient[] = [];
const servers: TestServer[] = [];

async function start(dataDir: string, env: Record<string, string> = {}, port?: number): Promise<TestServer> {
	const server = await startServer({ dataDir, env, port });
	servers.push(server);
	return server;
}
function client(server: TestServer, docId: string, member: Member): SyncClient {
	const c = connectClient(server.wsUrl, docId, member.cookie);
	clients.push(c);
	return c;
}

/** A server on `dataDir` where alice and bob both have a synced client on one new document. */
async function twoMembersOnNewDoc(dataDir: string, env: Record<string, string> = {}) {
	const server = await start(dataDir, env);
	const [alice, bob] = await Promise.all([signup(server), signup(server)]);
	const docId = createInitiative(server, alice, [bob]);
	const a = client(server, docId, alice);
	const b = client(server, docId, bob);
	await Promise.all([synced(a), synced(b)]);
	return { server, alice, bob, docId, a, b };
}

afterEach(async () => {
	for (const c of clients.splice(0)) c.destroy();
	for (const s of servers.splice(0)) await s.dispose();
});

describe('relay durability', () => {
	it('survives a SIGTERM restart mid-session: exits 0, loses nothing, clients resume', async () => {
		const dataDir = tempDataDir();
		const { server: first, alice, bob, docId, a, b } = await twoMembersOnNewDoc(dataDir);
		for (let i = 0; i < 30; i++) say(i % 2 ? a.doc : b.doc, i % 2 ? alice.id : bob.id, `avant-${i}`);
		// Stop while the last writes may still be in flight: close() must commit them.
		expect(await first.stop()).toBe(0);

		say(a.doc, alice.id, 'pendant la coupure');
		const second = await start(dataDir, {}, first.port);
		await waitFor(() => texts(b.doc).includes('pendant la coupure'), 'offline edit after restart', 15_000);
		say(b.doc, bob.id, 'après');
		await waitFor(() => texts(a.doc).includes('après'), 'edit after restart');

		const fresh = client(second, docId, bob);
		await waitFor(() => texts(fresh.doc).length === 32, 'fresh client sees all 32 messages');
		expect(new Set(texts(fresh.doc))).toEqual(new Set(texts(a.doc)));
	});

	it('an update another client has seen survives SIGKILL', async () => {
		const dataDir = tempDataDir();
		const { server: first, alice, bob, docId, a, b } = await twoMembersOnNewDoc(dataDir);
		say(a.doc, alice.id, 'gravé');
		await waitFor(() => texts(b.doc).includes('gravé'), 'bob sees it');
		a.provider.disconnect();
		b.provider.disconnect();
		await first.kill();

		const second = await start(dataDir);
		const c = client(second, docId, bob);
		await synced(c);
		expect(texts(c.doc)).toEqual(['gravé']);
	});

	it('compaction under concurrent writes loses nothing and bounds storage', async () => {
		const dataDir = tempDataDir();
		const { server, alice, bob, docId, a, b } = await twoMembersOnNewDoc(dataDir, { KOHERO_COMPACT_EVERY: '20' });

		const N = 150;
		for (let i = 0; i < N; i++) {
			say(a.doc, alice.id, `a${i}`);
			say(b.doc, bob.id, `b${i}`);
			// Churn that compaction's garbage collection should drop.
			a.doc.getText('notes').insert(0, 'xxxxxxxxxx');
			a.doc.getText('notes').delete(0, 10);
			if (i % 25 === 0) await new Promise((r) => setTimeout(r, 5));
		}
		await waitFor(() => texts(a.doc).length === 2 * N && texts(b.doc).length === 2 * N, 'both have every message');

		const stats = () =>
			withDb(dataDir, (db) => {
				const snapshot = db
					.prepare(
						'SELECT length(state) + (SELECT coalesce(sum(length(bytes)), 0) FROM doc_snapshot_parts p WHERE p.doc_id = s.doc_id AND p.seq = s.seq AND p.part < s.parts) AS n FROM doc_snapshots s WHERE doc_id = ?'
					)
					.get(docId) as { n: number } | undefined;
				const log = db.prepare('SELECT count(*) AS rows, coalesce(sum(length("update")), 0) AS bytes FROM doc_updates WHERE doc_id = ?').get(docId) as {
					rows: number;
					bytes: number;
				};
				return { snapshots: snapshot ? 1 : 0, snapshotBytes: snapshot?.n ?? 0, logRows: log.rows, logBytes: log.bytes };
			});
		await waitFor(() => texts(storedDoc(dataDir, docId)).length === 2 * N, 'everything stored');
		// The last merge may still be running (on the merge worker): wait until none is.
		const running = async () => {
			const text = await (await fetch(`${server.url}/metrics`)).text();
			return Number(/^kohero_relay_store_running_compactions (\d+)/m.exec(text)?.[1] ?? NaN);
		};
		for (const deadline = Date.now() + 20_000; (await running()) !== 0; ) {
			if (Date.now() > deadline) throw new Error('a compaction never ended');
			await new Promise((r) => setTimeout(r, 50));
		}
		const s = stats();
		expect(s.snapshots).toBe(1);
		expect(s.snapshotBytes + s.logBytes).toBeLessThanOrEqual(2 * Y.encodeStateAsUpdate(a.doc).byteLength);
		// What is left is under the merge threshold (store/doc-log.ts needsCompaction): few rows, or rows too
		// small next to the snapshot to be worth re-merging it for.
		expect(s.logRows < 20 || s.logBytes * 8 < s.snapshotBytes, JSON.stringify(s)).toBe(true);

		// A restart reads snapshot + log back: still every message, in the same order.
		for (const c of [a, b]) c.provider.disconnect();
		expect(await server.stop()).toBe(0);
		const again = await start(dataDir);
		const c = client(again, docId, alice);
		await synced(c);
		expect(texts(c.doc)).toEqual(texts(a.doc));
	});
});
