import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeStore, openStore, store } from '$store/db';
import { createSqliteDocStore } from '$store/doc-log';
import { stopMergeWorker } from '$store/merge-worker';
import { postMessage } from '$lib/domain/workspace/messages';
import { registerDocAccess } from '../doc-editor';
import { readAuthoredEntry } from './stored-doc';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'kohero-stored-doc-'));
	// The stored side: an empty database (nothing was ever committed for this workspace).
	openStore(dir);
});
afterAll(async () => {
	await stopMergeWorker();
	registerDocAccess(null);
	closeStore();
	rmSync(dir, { recursive: true, force: true });
});

describe('reading a reported message', () => {
	it('takes it from the document the relay holds, without reading the stored one', async () => {
		const live = new Y.Doc();
		postMessage(live, { id: 'm1', authorId: 'u1', text: 'Rendez-vous samedi au jardin', now: 1_700_000_000_000 });
		const reads: string[] = [];
		registerDocAccess({
			edit: () => Promise.reject(new Error('no edit here')),
			readLoaded: (docId, read) => (reads.push(docId), docId === 'i1' ? { value: read(live) } : null)
		});
		expect(await readAuthoredEntry('i1', 'message', 'm1')).toEqual({ authorId: 'u1', text: 'Rendez-vous samedi au jardin', createdAt: 1_700_000_000_000 });
		// Not loaded: the stored document, which holds nothing here.
		expect(await readAuthoredEntry('i2', 'message', 'm1')).toBeNull();
		expect(reads).toEqual(['i1', 'i2']);
	});

	it('reads a stored workspace the relay does not hold (through the merge worker)', async () => {
		registerDocAccess({ edit: () => Promise.reject(new Error('no edit here')), readLoaded: () => null });
		const written = new Y.Doc();
		postMessage(written, { id: 'm7', authorId: 'u7', text: 'Atelier vélo jeudi', now: 1_700_000_000_007 });
		postMessage(written, { id: 'm8', authorId: 'u8', text: 'Je viens', now: 1_700_000_000_008 });
		const docs = createSqliteDocStore(store().sqlite, { compactEvery: 1000, compactMinBytes: 1 << 20 });
		await docs.append('i3', Y.encodeStateAsUpdate(written), 'u7');
		expect(await readAuthoredEntry('i3', 'message', 'm7')).toEqual({ authorId: 'u7', text: 'Atelier vélo jeudi', createdAt: 1_700_000_000_007 });
		expect(await readAuthoredEntry('i3', 'message', 'nope')).toBeNull();
		expect(await readAuthoredEntry('i3', 'idea', 'm7')).toBeNull();
	});
});
