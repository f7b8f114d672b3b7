/**
 * Document open: how long a fresh stock client waits for its first full sync
 * of a document with DOC_MESSAGES messages — cold (the relay loads it from
 * SQLite) against warm (already in memory, the baseline). Needs a build;
 * BENCH_SERVER=path/to/server.js runs another build (a baseline) instead.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { Client } from '../tests/helpers/client';
import { startServer, tempDataDir, type TestServer } from '../tests/helpers/server';
import { connectClient, say, waitFor } from '../tests/relay/helpers';
import { percentile } from './lib/spread';

const MESSAGES = Number(process.env.DOC_MESSAGES ?? 5000);
const OPENS = Number(process.env.DOC_OPENS ?? 15);
const script = process.env.BENCH_SERVER;

export interface DocOpenFigures {
	messages: number;
	docKiB: number;
	cold: { p50: number; p99: number };
	warm: { p50: number; p99: number };
}

function percentiles(ms: number[]): { p50: number; p99: number } {
	const sorted = [...ms].sort((a, b) => a - b);
	return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function openOnce(server: TestServer, docId: string, cookie: string): Promise<number> {
	const started = performance.now();
	const c = connectClient(server.wsUrl, docId, cookie);
	await waitFor(() => c.provider.synced && c.doc.getArray('messages').length === MESSAGES, 'doc open', 30_000);
	const ms = performance.now() - started;
	c.destroy();
	return ms;
}

/** Writes the document once, then times cold opens (after each restart) and warm opens. */
export async function measureDocOpen(): Promise<DocOpenFigures> {
	const dataDir = tempDataDir();
	let server = await startServer({ dataDir, script });
	const user = new Client(server.url);
	const { id: userId } = await user.signup();
	const created = await user.post('/api/initiatives', { title: 'Réunion', summary: '', category: 'democracy', lat: 45.76, lng: 4.83 });
	const docId = created.body.initiative.id as string;
	const writer = connectClient(server.wsUrl, docId, user.cookie);
	await waitFor(() => writer.provider.synced, 'writer synced');
	for (let i = 0; i < MESSAGES; i++) {
		say(writer.doc, userId, `Message ${i} : on se retrouve samedi au jardin pour planter les tomates.`);
		if (i % 200 === 199) await new Promise((r) => setTimeout(r, 5));
	}
	const docKiB = Y.encodeStateAsUpdate(writer.doc).byteLength / 1024;
	await openOnce(server, docId, user.cookie); // everything stored and relayed
	writer.destroy();

	const cold: number[] = [];
	for (let i = 0; i < OPENS; i++) {
		await server.stop();
		server = await startServer({ dataDir, script });
		cold.push(await openOnce(server, docId, user.cookie));
	}
	// Warm: a keeper holds the document in the relay's memory.
	const keeper = connectClient(server.wsUrl, docId, user.cookie);
	await waitFor(() => keeper.provider.synced, 'keeper synced');
	const warm: number[] = [];
	for (let i = 0; i < OPENS; i++) warm.push(await openOnce(server, docId, user.cookie));
	keeper.destroy();
	await server.dispose();
	rmSync(dataDir, { recursive: true, force: true });
	return { messages: MESSAGES, docKiB, cold: percentiles(cold), warm: percentiles(warm) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	process.setMaxListeners(0);
	console.log(await measureDocOpen());
}
