import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeStore, openStore } from '$store/db';
import { postMessage } from '$lib/domain/workspace/messages';
import { registerDocAccess } from '../doc-editor';
import { readAuthoredEntry } from './stored-doc';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'kohero-stored-doc-'));
	// The stored side: an empty database (nothing was ever committed for this workspace).
	openStore(dir);
});
afterAll(() => {
	registerDocAccess(null);
	closeStore();
	rmSync(dir, { recursive: true, force: true });
});

describe('reading a reported message', () => {
	it('takes it from the document the relay holds, without reading the stored one', () => {
		const live = new Y.Doc();
		postMessage(live, { id: 'm1', authorId: 'u1', text: 'Rendez-vous samedi au jardin', now: 1_700_000_000_000 });
		const reads: string[] = [];
		registerDocAccess({
			edit: () => Promise.reject(new Error('no edit here')),
			readLoaded: (docId, read) => (reads.push(docId), docId === 'i1' ? { value: read(live) } : null)
		});
		expect(readAuthoredEntry('i1', 'message', 'm1')).toEqual({ authorId: 'u1', text: 'Rendez-vous samedi au jardin', createdAt: 1_700_000_000_000 });
		// Not loaded: the stored document, which holds nothing here.
		expect(readAuthoredEntry('i2', 'message', 'm1')).toBeNull();
		expect(reads).toEqual(['i1', 'i2']);
	});
});
