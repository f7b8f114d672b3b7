/** For specs: a database made by the migrations, in a file or in memory. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { migrated } from './db';

/** At `file` (WAL, as the server opens it), or in memory; its tables are the migrations' own. */
function docDbAt(file: string): Database.Database {
	const sqlite = new Database(file);
	if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
	migrated(sqlite);
	return sqlite;
}

export function memoryDocDb(): Database.Database {
	return docDbAt(':memory:');
}

const tempDirs: string[] = [];

/** In a file of a new temporary directory: the store's worker can open it too. */
export function fileDocDb(): Database.Database {
	const dir = mkdtempSync(join(tmpdir(), 'kohero-doc-db-'));
	tempDirs.push(dir);
	return docDbAt(join(dir, 'docs.db'));
}

/** Deletes the directories of every fileDocDb (close the databases first). */
export function removeFileDocDbs(): void {
	for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The notes (API.md: an XmlFragment) of the document these updates make, as JSON. */
export function notesOf(updates: Uint8Array[]): string {
	const doc = new Y.Doc();
	for (const u of updates) Y.applyUpdate(doc, u);
	return doc.getXmlFragment('notes').toJSON();
}

/** A writer's updates, one per item pushed to the array `items` (`${prefix}${i}`), and its doc. */
export function itemEdits(count: number, prefix: string): { doc: Y.Doc; updates: Uint8Array[] } {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	for (let i = 0; i < count; i++) doc.getArray<string>('items').push([`${prefix}${i}`]);
	return { doc, updates };
}

/** The array `items` of the document these updates make. */
export function itemsOf(updates: Uint8Array[]): string[] {
	const doc = new Y.Doc();
	for (const u of updates) Y.applyUpdate(doc, u);
	return doc.getArray<string>('items').toArray();
}
