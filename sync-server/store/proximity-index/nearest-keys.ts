/**
 * The nearest text matches when FTS5 has handed over only their row ids. A row id
 * names the 0.00625° cell its initiative lies in (geo-keys.ts), so each match gets a
 * distance it cannot beat before its row is read; rows are then read nearest cell
 * first, a batch at a time, until no unread match can still make the page. Reading
 * an initiative's row is most of a text query's cost (one scattered page each, the
 * table being forty times the cache): this reads about the page's worth instead of
 * every match in the ring.
 */
import type Database from 'better-sqlite3';
import { haversineKm, minDistanceToBoxKm } from '$lib/domain/geo';
import { keyCellBox } from './geo-keys';
import { statement } from './statements';
import { hasWordPrefix, type TextMatch } from './text-match';
import type { ProximityHit, ProximityQuery } from './types';

/** A match from FTS5: the row id split into its cell (`rowid >> 31`) and the initiative's pk (the low bits). */
export type KeyMatch = [cell: number, pk: number];

/** Rows read beyond the hits still missing while the page is not full: some fall outside the ring or the text. */
const BATCH_SLACK = 6;
/** The fewest rows one statement reads (and the smallest padded size). */
const MIN_BATCH = 8;
/** Batches are padded to a power of two so a handful of statements serve every size. */
const MAX_BATCH = 256;

type Candidate = { pk: number; bound: number };
/** pk, id, lat, lng, then title, summary, place_name when the text needs a check on the row. */
type Row = [number, string, number, number, ...(string | null)[]];

/**
 * Rows already read for one query, by pk (null: not in the query's category), so a wider ring
 * reads only the rows the narrower ones did not.
 */
export type RowsRead = Map<number, Row | null>;

/**
 * The `limit`+1 nearest matches within `ringKm` (and after the cursor, in the category), nearest
 * first, ties by id: the same answer as reading every match's row, from fewer rows.
 */
export function nearestOfKeys(
	sqlite: Database.Database,
	query: ProximityQuery & { match: TextMatch },
	keys: KeyMatch[],
	ringKm: number,
	read: RowsRead = new Map()
): ProximityHit[] {
	const bounds = new Map<number, number>();
	const candidates: Candidate[] = [];
	for (const [cell, pk] of keys) {
		let bound = bounds.get(cell);
		if (bound === undefined) {
			bound = minDistanceToBoxKm(query.lat, query.lng, keyCellBox(cell));
			bounds.set(cell, bound);
		}
		if (bound <= ringKm) candidates.push({ pk, bound });
	}
	candidates.sort(byBound);

	const want = query.limit + 1;
	const best: ProximityHit[] = [];
	for (let next = 0; next < candidates.length; ) {
		const full = best.length >= want;
		// A full page's last hit beats every match whose cell lies farther (equal could still win on id).
		const worst = full ? best[want - 1].distanceKm : Infinity;
		if (candidates[next].bound > worst) break;
		let end = next;
		// Full: every match that could still beat the last hit, in one go; else the nearest few.
		if (full) while (end < candidates.length && candidates[end].bound <= worst) end++;
		else {
			// As many as the hits still missing take at the yield so far: few candidates are hits when the
			// category or a long prefix is rare, and one statement per handful of rows would cost more than the rows.
			const perHit = next === 0 ? 1 : Math.min(MAX_BATCH, next / Math.max(1, best.length));
			end = Math.min(candidates.length, next + Math.max(MIN_BATCH, Math.ceil((want - best.length) * perHit) + BATCH_SLACK));
		}
		const batch = candidates.slice(next, end);
		readRows(sqlite, query, batch.filter((c) => !read.has(c.pk)), read);
		for (const { pk } of batch) {
			const row = read.get(pk);
			if (row) keep(best, want, query, row, ringKm);
		}
		next = end;
	}
	return best;
}

function byBound(a: Candidate, b: Candidate): number {
	return a.bound - b.bound;
}

/** Adds the row to the sorted `best` when it is a hit that belongs among the first `want`. */
function keep(best: ProximityHit[], want: number, query: ProximityQuery & { match: TextMatch }, row: Row, ringKm: number): void {
	const [pk, id, lat, lng] = row;
	// The function SQL calls for the other plans, on the same stored values: the same distance to the bit.
	const distanceKm = haversineKm(query.lat, query.lng, lat, lng);
	if (distanceKm > ringKm) return;
	const { after } = query;
	if (after && !(distanceKm > after.distanceKm || (distanceKm === after.distanceKm && id > after.id))) return;
	if (query.match.wordPrefix && !hasWordPrefix(query.match.wordPrefix, row[4], row[5], row[6])) return;
	let at = best.length;
	while (at > 0 && (best[at - 1].distanceKm > distanceKm || (best[at - 1].distanceKm === distanceKm && best[at - 1].id > id))) at--;
	if (at >= want) return;
	best.splice(at, 0, { pk, id, distanceKm });
	if (best.length > want) best.pop();
}

/** Reads the rows of these candidates into `read`, MAX_BATCH per statement. */
function readRows(sqlite: Database.Database, query: ProximityQuery & { match: TextMatch }, batch: Candidate[], read: RowsRead): void {
	for (let from = 0; from < batch.length; from += MAX_BATCH) {
		const part = batch.slice(from, from + MAX_BATCH);
		let size = MIN_BATCH;
		while (size < part.length) size *= 2;
		const columns = query.match.wordPrefix ? 'pk, id, lat, lng, title, summary, place_name' : 'pk, id, lat, lng';
		const sql = `SELECT ${columns} FROM initiatives WHERE pk IN (${'?,'.repeat(size - 1)}?)${query.category ? ' AND category = ?' : ''}`;
		// Padding repeats a pk of the batch: IN reads its row once.
		const params: unknown[] = part.map((c) => c.pk);
		while (params.length < size) params.push(part[0].pk);
		if (query.category) params.push(query.category);
		for (const c of part) read.set(c.pk, null);
		for (const row of statement(sqlite, sql).raw(true).all(...params) as Row[]) read.set(row[0], row);
	}
}
