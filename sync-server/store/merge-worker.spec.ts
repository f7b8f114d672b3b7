import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSqliteDocStore } from './doc-log';
import { EVERY_SEQ } from './compaction';
import { findStoredOffThread, mergeStoredOffThread, stopMergeWorker } from './merge-worker';
import { fileDocDb, notesOf, removeFileDocDbs } from './spec-doc-db';

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

describe('compactions on the worker keep the document warm', () => {
	afterAll(async () => {
		await stopMergeWorker();
		removeFileDocDbs();
	});

	const paragraph = (doc: Y.Doc, text: string) => doc.getXmlFragment('notes').push([new Y.XmlText(text)]);

	it('applies only the new rows to the document the last compaction kept, while the stored snapshot is the one it returned', async () => {
		const sqlite = fileDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1e9, compactMinBytes: 1 << 30 });
		const doc = new Y.Doc();
		const record = recorder(store, 'notes', doc);
		for (let i = 0; i < 20; i++) await record(() => paragraph(doc, `Idée ${i} pour le jardin partagé`));
		await store.compact('notes');
		await record(() => paragraph(doc, 'Arrosage le mardi'));
		await record(() => (doc.getXmlFragment('notes').get(0) as Y.XmlText).insert(0, 'Première '));

		const merged = await mergeStoredOffThread(sqlite.name, 'notes', EVERY_SEQ, false);
		expect(merged?.warm).toBe(true);
		expect(merged?.rows).toBe(2);
		expect(notesOf([merged!.state])).toEqual(doc.getXmlFragment('notes').toJSON());
		// That merge was not written: the stored snapshot is the first one still, so the next is built anew.
		const again = await mergeStoredOffThread(sqlite.name, 'notes', EVERY_SEQ, false);
		expect(again?.warm).toBe(false);
		expect(notesOf([again!.state])).toEqual(doc.getXmlFragment('notes').toJSON());
	});

	it('builds the document from what is stored when the snapshot changed under it, even at the same seq', async () => {
		const sqlite = fileDocDb();
		const store = createSqliteDocStore(sqlite, { compactEvery: 1e9, compactMinBytes: 1 << 30 });
		const doc = new Y.Doc();
		const record = recorder(store, 'notes', doc);
		await record(() => paragraph(doc, 'Composteur: liste des volontaires'));
		await store.compact('notes');
		// Another state under the same seq: what the warm document holds is no longer what is stored.
		const other = new Y.Doc();
		paragraph(other, 'Réunion jeudi à la salle des fêtes');
		sqlite.prepare('UPDATE doc_snapshots SET state = ? WHERE doc_id = ?').run(Y.encodeStateAsUpdate(other), 'notes');
		const later = new Y.Doc();
		Y.applyUpdate(later, Y.encodeStateAsUpdate(other));
		const next = Y.encodeStateAsUpdate(later);
		paragraph(later, 'Apporter des gants');
		await store.append('notes', Y.diffUpdate(Y.encodeStateAsUpdate(later), Y.encodeStateVectorFromUpdate(next)), 'u1');

		const merged = await mergeStoredOffThread(sqlite.name, 'notes', EVERY_SEQ, false);
		expect(merged?.warm).toBe(false);
		expect(notesOf([merged!.state])).toEqual(later.getXmlFragment('notes').toJSON());
	});
});
