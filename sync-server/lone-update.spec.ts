/**
 * The relay over the real SQLite store, in one process (as upgrade.ts wires them):
 * a lone update is committed, then broadcast, in the turn of the event loop that
 * read its frame: nothing queued for later in that turn runs before it goes out.
 * Real sockets (a relay on port 0), raw y-websocket frames.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalFanout, type DocStore, type Fanout } from '$relay/index';
import { anUpdate, peer, startSpecRelay, stopSpecRelay, updateFrame } from '$relay/spec-relay';
import { createSqliteDocStore } from '$store/doc-log';
import { memoryDocDb } from '$store/spec-doc-db';

afterEach(stopSpecRelay);

describe('relay over the SQLite store: a lone update', () => {
	it('is committed, then broadcast, before the loop runs what was queued for the end of the turn', async () => {
		const sqlite = memoryDocDb();
		const rows = () => (sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;
		const real = createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 });
		const order: string[] = [];
		const store: DocStore = {
			...real,
			append(docId, update, authorId) {
				// Queued in the turn that read the frame, before the store schedules anything:
				// a commit left for the end of the turn (setImmediate) would run after it.
				setImmediate(() => order.push('end of turn'));
				return real.append(docId, update, authorId);
			}
		};
		const local = createLocalFanout();
		const fanout: Fanout = {
			subscribe: (docId, deliver) => local.subscribe(docId, deliver),
			publish(message) {
				// Document updates only (sync, step 2), not presence.
				if (message.frame[0] === 0 && message.frame[1] === 2) order.push(`broadcast, ${rows()} row committed`);
				local.publish(message);
			}
		};
		const url = await startSpecRelay(store, { fanout });
		const writer = await peer(url, 'a');
		const reader = await peer(url, 'b');
		await reader.received('sync0');
		writer.ws.send(updateFrame(anUpdate('bonjour')));
		await reader.received('sync2');
		await new Promise((r) => setImmediate(r));
		expect(order).toEqual(['broadcast, 1 row committed', 'end of turn']);
		writer.ws.close();
		reader.ws.close();
	});
});
