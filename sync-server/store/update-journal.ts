/**
 * The update journal: where a quiet relay commits a writer's update before it
 * broadcasts it. One `write(2)` appends the update's record to a file; SQLite's
 * update log takes the same rows later, several commits' in one transaction
 * (journal-stage.ts), and the file is emptied once it has grown and SQLite holds
 * every row written to it. Inside the relay, on the way of every paced update from one
 * member's phone to the others', the commit takes 23 µs at the median this way and
 * 46 µs as SQLite's lone commit (its locks and WAL frame; p90 41 vs 92 µs:
 * bench/RESULTS.md, turn 18).
 *
 * Durability is SQLite's under `synchronous = NORMAL`: a record is in the page
 * cache once written, so it survives a crash of the process (not a power cut, like
 * a WAL commit before its checkpoint). At start the store stores the records its
 * log lacks (doc-log.ts) and empties the file.
 *
 * A record: payload length (u32), CRC-32 of the payload (u32), then the payload:
 * created_at (f64), seq (u32), the document id, the author id (0xffff: none) and
 * the update, each after its length. A record torn by a crash in the middle of its
 * write fails its length or checksum: reading stops there (it was never committed).
 */
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** One row of the update log, as written to the journal before SQLite. */
export interface JournalRow {
	docId: string;
	seq: number;
	update: Uint8Array;
	authorId: string | null;
	createdAt: number;
}

export interface UpdateJournal {
	/**
	 * Appends the rows in one write; throws if they are not all written (then none counts).
	 * A journal that failed once is not used again: the store commits to SQLite itself.
	 */
	write(rows: readonly JournalRow[]): void;
	/** The rows of every whole record, in order (at start, before any write). */
	rows(): JournalRow[];
	/** Empties the file once it holds `trimFromBytes` (or anything, when `always`): call only when SQLite has every row. */
	trim(always?: boolean): void;
	close(): void;
}

const HEADER_BYTES = 8;
const NO_AUTHOR = 0xffff;
/** The file is emptied once it holds this much and SQLite has all of it: one truncation per ~7000 task edits. */
export const TRIM_FROM_BYTES = 1024 * 1024;

/** Opens (creating it) the journal at `path`. */
export function openUpdateJournal(path: string, trimFromBytes = TRIM_FROM_BYTES): UpdateJournal {
	const fd = openSync(path, 'a+');
	/** Bytes of whole records in the file: a failed write is cut back to it. */
	let size = walkRecords(readFileSync(path));
	// A record torn by a crash goes, or the next ones would be written after it, unreadable.
	ftruncateSync(fd, size);
	return {
		write(rows) {
			const bytes = encodeRows(rows);
			let written = 0;
			try {
				written = writeSync(fd, bytes);
			} finally {
				if (written !== bytes.byteLength) ftruncateSync(fd, size);
			}
			if (written !== bytes.byteLength) throw new Error(`update journal: ${written} of ${bytes.byteLength} bytes written`);
			size += written;
		},
		rows: () => readJournalRows(path),
		trim(always = false) {
			if (size === 0 || (!always && size < trimFromBytes)) return;
			ftruncateSync(fd, 0);
			size = 0;
		},
		close: () => closeSync(fd)
	};
}

/** The whole records of the journal at `path`, read without opening it for writing (another process may be appending). */
export function readJournalRows(path: string): JournalRow[] {
	return existsSync(path) ? decodeRows(readFileSync(path)) : [];
}

function encodeRows(rows: readonly JournalRow[]): Buffer {
	const records = rows.map(encodeRecord);
	return records.length === 1 ? records[0] : Buffer.concat(records);
}

function encodeRecord(row: JournalRow): Buffer {
	const docId = Buffer.from(row.docId, 'utf8');
	const authorId = row.authorId === null ? null : Buffer.from(row.authorId, 'utf8');
	if (docId.byteLength >= NO_AUTHOR || (authorId?.byteLength ?? 0) >= NO_AUTHOR) throw new Error('update journal: id too long');
	const payloadBytes = 8 + 4 + 2 + docId.byteLength + 2 + (authorId?.byteLength ?? 0) + 4 + row.update.byteLength;
	const record = Buffer.allocUnsafe(HEADER_BYTES + payloadBytes);
	let at = HEADER_BYTES;
	at = record.writeDoubleLE(row.createdAt, at);
	at = record.writeUInt32LE(row.seq, at);
	at = record.writeUInt16LE(docId.byteLength, at);
	at += docId.copy(record, at);
	at = record.writeUInt16LE(authorId?.byteLength ?? NO_AUTHOR, at);
	if (authorId) at += authorId.copy(record, at);
	at = record.writeUInt32LE(row.update.byteLength, at);
	record.set(row.update, at);
	record.writeUInt32LE(payloadBytes, 0);
	record.writeUInt32LE(crc32(record.subarray(HEADER_BYTES)), 4);
	return record;
}

/** Calls `each` with every whole record's payload and end; returns where the whole records end. */
function walkRecords(file: Buffer, each: (payload: Buffer) => void = () => undefined): number {
	let at = 0;
	while (at + HEADER_BYTES <= file.byteLength) {
		const length = file.readUInt32LE(at);
		const end = at + HEADER_BYTES + length;
		if (end > file.byteLength) break;
		const payload = file.subarray(at + HEADER_BYTES, end);
		if (crc32(payload) !== file.readUInt32LE(at + 4)) break;
		each(payload);
		at = end;
	}
	return at;
}

function decodeRows(file: Buffer): JournalRow[] {
	const rows: JournalRow[] = [];
	walkRecords(file, (payload) => rows.push(decodeRecord(payload)));
	return rows;
}

function decodeRecord(payload: Buffer): JournalRow {
	const createdAt = payload.readDoubleLE(0);
	const seq = payload.readUInt32LE(8);
	let at = 12;
	const docIdBytes = payload.readUInt16LE(at);
	const docId = payload.toString('utf8', at + 2, (at += 2 + docIdBytes));
	const authorBytes = payload.readUInt16LE(at);
	at += 2;
	let authorId: string | null = null;
	if (authorBytes !== NO_AUTHOR) authorId = payload.toString('utf8', at, (at += authorBytes));
	const updateBytes = payload.readUInt32LE(at);
	const update = new Uint8Array(payload.subarray(at + 4, at + 4 + updateBytes));
	return { docId, seq, update, authorId, createdAt };
}
