import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSqliteDocStore } from './doc-log';
import { findStoredOffThread, stopMergeWorker } from './merge-worker';
import { fileDocDb, removeFileDocDbs } from './spec-doc-db';

/** Appends each update `edit` makes to `doc` to the store, as the relay would. */
function recorder(store: ReturnType<typeof createSqliteDocStore>, docId: string, doc: Y.Doc) {
	const appended: Promise<void>[] = [];
	doc.on('update', (update: Uint8Array) => appended.push(store.append(docId, update, 'u1')));
	return (edit: () => void) => {
		edit();
		return Promise.all(appended);
	};
}

function message(id: string, text: string): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	map.set('id', id);
	map.set('text', text);
	map.set('createdAt', 1_700_000_000_000);
	return map;
}

describe('findStoredOffThread', () => {
	afterAll(async () => {
		await stopMergeWorker();
		removeFileDocDbs();
	});

	it('finds an entry in the stored snapshot and in the log after it, on the worker; null when there is none', async () => {
		const sqlite = fileDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 });
		const doc = new Y.Doc();
		const record = recorder(store, 'ws', doc);
		const messages = doc.getArray<Y.Map<unknown>>('messages');
		await record(() => messages.push([message('m1', 'Compost samedi'), message('m2', 'Qui apporte les pelles ?')]));
		await store.compact('ws');
		await record(() => messages.push([message('m3', 'Moi !')]));
		expect(sqlite.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get('ws')).toEqual({ n: 1 });

		const find = (value: string, array = 'messages') => findStoredOffThread(sqlite.name, 'ws', { array, key: 'id', value });
		expect(await find('m2')).toEqual({ id: 'm2', text: 'Qui apporte les pelles ?', createdAt: 1_700_000_000_000 });
		expect(await find('m3')).toEqual({ id: 'm3', text: 'Moi !', createdAt: 1_700_000_000_000 });
		expect(await find('m9')).toBeNull();
		expect(await find('m1', 'ideas')).toBeNull();
		expect(await findStoredOffThread(sqlite.name, 'never-written', { array: 'messages', key: 'id', value: 'm1' })).toBeNull();
	});
});
