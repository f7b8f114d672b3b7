/**
 * Crash safety: stock y-websocket clients keep editing while the server is
 * SIGKILLed at random moments and restarted on the same DATA_DIR. Sized by env
 * so `npm run soak` runs the big version of this very test:
 * CRASH_CLIENTS, CRASH_DOCS, CRASH_KILLS, CRASH_EDIT_MS (mean gap between a client's edits).
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, tempDataDir, type TestServer } from '../helpers/server';
import { waitFor } from '../relay/helpers';
import {
	connectFleetClient, edit, editIds, envInt, missing, readFromServer, seenByOthersPerDoc, setupMembers,
	writtenPerDoc, type FleetClient
} from './fleet';

const CLIENTS = envInt('CRASH_CLIENTS', 12);
const DOCS = envInt('CRASH_DOCS', 6);
const KILLS = envInt('CRASH_KILLS', 4);
const EDIT_MS = envInt('CRASH_EDIT_MS', 150);
const USERS = Math.min(CLIENTS, 20);
/** Time between kills is random in [0.5, 1.5] × this. */
const RUN_BETWEEN_KILLS_MS = envInt('CRASH_GAP_MS', 1200);
const TIMEOUT_MS = 60_000 + KILLS * 8_000 + CLIENTS * 150;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const servers: TestServer[] = [];
const fleet: FleetClient[] = [];
const dataDir = tempDataDir();
const termDataDir = tempDataDir();

afterAll(async () => {
	for (const c of fleet) c.sync.destroy();
	for (const s of servers) await s.dispose();
	for (const dir of [dataDir, termDataDir]) rmSync(dir, { recursive: true, force: true });
});

function start(port?: number, dir = dataDir): Promise<TestServer> {
	return startServer({ dataDir: dir, port }).then((s) => {
		servers.push(s);
		return s;
	});
}

/** Every client edits at random intervals until `stop` is set. */
function editLoop(state: { stop: boolean }): Promise<void> {
	return Promise.all(
		fleet.map(async (c) => {
			while (!state.stop) {
				await sleep(EDIT_MS * (0.5 + Math.random()));
				if (!state.stop) edit(c);
			}
		})
	).then(() => undefined);
}

describe('crash safety', () => {
	it(
		`${CLIENTS} clients on ${DOCS} docs lose nothing over ${KILLS} SIGKILLs`,
		async () => {
			let server = await start();
			const port = server.port;
			const { members, docIds, reader } = await setupMembers(server, USERS, DOCS);
			for (let i = 0; i < CLIENTS; i++) {
				fleet.push(connectFleetClient(server.wsUrl, i, docIds[i % DOCS], members[i % USERS]));
			}
			await waitFor(() => fleet.every((c) => c.sync.provider.synced), 'fleet synced', 30_000);

			const editing = { stop: false };
			const edits = editLoop(editing);
			let checkedAtRestarts = 0;
			for (let k = 0; k < KILLS; k++) {
				await sleep(RUN_BETWEEN_KILLS_MS * (0.5 + Math.random()));
				await server.kill();
				// Frames already in the clients' socket buffers count as seen too.
				await sleep(50);
				// Clients keep editing offline; they must not reconnect (and resend) before
				// the server's own state is checked.
				for (const c of fleet) c.sync.provider.disconnect();
				const seen = seenByOthersPerDoc(fleet);
				server = await start(port);
				const stored = await readFromServer(server.wsUrl, reader, docIds);
				for (const docId of docIds) {
					const lost = missing(seen.get(docId) ?? new Set(), stored.get(docId));
					expect(lost, `kill ${k + 1}: edits seen by another client but lost on ${docId}`).toEqual([]);
					checkedAtRestarts += seen.get(docId)?.size ?? 0;
				}
				for (const c of fleet) c.sync.provider.connect();
			}
			editing.stop = true;
			await edits;

			const written = writtenPerDoc(fleet);
			const converged = () =>
				fleet.every((c) => missing(written.get(c.docId)!, editIds(c.sync.doc)).length === 0);
			const convergeStarted = Date.now();
			await waitFor(converged, 'every client has every edit of its document', 60_000);
			const convergeMs = Date.now() - convergeStarted;
			// Same state, not merely the same set: equal encoded state vectors and order.
			for (const docId of docIds) {
				const peers = fleet.filter((c) => c.docId === docId);
				const first = peers[0].sync.doc.getArray('messages').toJSON();
				for (const p of peers) expect(p.sync.doc.getArray('messages').toJSON()).toEqual(first);
			}
			const onServer = await readFromServer(server.wsUrl, reader, docIds);
			let totalWritten = 0;
			for (const docId of docIds) {
				expect(missing(written.get(docId)!, onServer.get(docId)), `server lacks edits of ${docId}`).toEqual([]);
				expect(onServer.get(docId)!.size).toBe(written.get(docId)!.size);
				totalWritten += written.get(docId)!.size;
			}
			const seenTotal = [...seenByOthersPerDoc(fleet).values()].reduce((n, s) => n + s.size, 0);
			console.log(
				`crash: clients=${CLIENTS} docs=${DOCS} kills=${KILLS} edits=${totalWritten} ` +
					`seenByOthers=${seenTotal} checkedAfterRestarts=${checkedAtRestarts} lost=0 ` +
					`convergedAfterMs=${convergeMs}`
			);
		},
		TIMEOUT_MS
	);

	it('SIGTERM under load commits every edit and exits 0 within 5 s', { timeout: 60_000 }, async () => {
		for (const c of fleet.splice(0)) c.sync.destroy();
		for (const s of servers) await s.stop();
		const server = await start(undefined, termDataDir);
		const { members, docIds, reader } = await setupMembers(server, 4, 2);
		for (let i = 0; i < 8; i++) fleet.push(connectFleetClient(server.wsUrl, i, docIds[i % 2], members[i % 4]));
		await waitFor(() => fleet.every((c) => c.sync.provider.synced), 'fleet synced', 20_000);
		// Heavier load than the crash run: bursts of edits every few milliseconds.
		const loadState = { stop: false };
		const load = Promise.all(
			fleet.map(async (c) => {
				while (!loadState.stop) {
					for (let n = 0; n < 5; n++) edit(c);
					await sleep(5);
				}
			})
		);
		await sleep(1500);
		const started = Date.now();
		const code = await Promise.race([
			server.stop(),
			sleep(5000).then(() => {
				throw new Error('server did not exit within 5 s of SIGTERM');
			})
		]);
		const exitMs = Date.now() - started;
		loadState.stop = true;
		await load;
		expect(code).toBe(0);
		await sleep(50);
		for (const c of fleet) c.sync.provider.disconnect();
		const seen = seenByOthersPerDoc(fleet);
		const restarted = await start(undefined, termDataDir);
		const stored = await readFromServer(restarted.wsUrl, reader, docIds);
		let seenCount = 0;
		for (const docId of docIds) {
			expect(missing(seen.get(docId) ?? new Set(), stored.get(docId))).toEqual([]);
			seenCount += seen.get(docId)?.size ?? 0;
		}
		const written = [...writtenPerDoc(fleet).values()].reduce((n, s) => n + s.size, 0);
		console.log(`sigterm: exit code ${code} after ${exitMs} ms; edits=${written} seenByOthers=${seenCount} lost=0`);
	});
});
