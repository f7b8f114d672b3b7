/**
 * Spatial row ids of the FTS5 table (drizzle/0003): a 0.1° cell, the 0.025°
 * cell inside it, the 0.00625° cell inside that, then `pk`. A circle becomes a few row-id ranges, and FTS5
 * reads a word's matches only inside them, so a common word in a dense city
 * costs the few matches nearby rather than the whole city.
 */
import { radiusBox, type LatLngBox } from '$lib/domain/geo';
import { BOX_PAD_DEG } from './statements';

/** Columns of 0.1° cells (longitude 0…360 shifted), as in the migration. */
const COARSE_COLS = 3601;
/** 0.00625° cells per 0.1° cell side (4 × 0.025°, each 4 × 0.00625°). */
const FINE = 16;
/** Bits of a row id below its cell: the pk. */
export const PK_BITS = 31;
const PK_SHIFT = BigInt(PK_BITS);
/** The low bits of a row id: the initiative's `pk`. */
export const PK_MASK = 2 ** PK_BITS - 1;
/** Above this many ranges a level gives way to the next coarser one (each range is one FTS5 query). */
const MAX_RANGES = 16;
/** Whole 0.1° rows, the last resort before other plans. */
const MAX_COARSE_RANGES = 48;

export type KeyRange = [lo: bigint, hi: bigint];

/** The 0.1° index and the fine index inside it, computed like the migration's SQL (same float steps). */
function split(deg: number, shift: number): [coarse: number, fine: number] {
	const t = (deg + shift) * 10;
	const coarse = Math.trunc(t);
	return [coarse, Math.trunc((t - coarse) * FINE)];
}

/** The first row id of a fine cell; `fineRow`/`fineCol` in 0…15 inside the 0.1° cell. */
function key(coarseRow: number, coarseCol: number, fineRow: number, fineCol: number): bigint {
	const mid = (fineRow >> 2) * 4 + (fineCol >> 2);
	const fine = (fineRow & 3) * 4 + (fineCol & 3);
	return BigInt(((coarseRow * COARSE_COLS + coarseCol) * 16 + mid) * 16 + fine) << PK_SHIFT;
}

/** The last row id of a cell key (every pk). */
const upTo = (k: bigint) => k | BigInt(PK_MASK);

/**
 * Row-id ranges holding every point of the circle's bounding box, at the finest
 * level (0.00625°, 0.025°, else whole 0.1° rows) needing at most MAX_RANGES;
 * undefined when even 0.1° rows need too many (very large circles, the poles).
 */
export function keyRanges(lat: number, lng: number, radiusKm: number): KeyRange[] | undefined {
	const box = radiusBox(lat, lng, radiusKm);
	const [r0, fr0] = split(Math.max(-90, box.minLat - BOX_PAD_DEG), 90);
	const [r1, fr1] = split(Math.min(90, box.maxLat + BOX_PAD_DEG), 90);
	const cols = box.lngRanges.map(([minLng, maxLng]) => [...split(Math.max(-180, minLng - BOX_PAD_DEG), 180), ...split(Math.min(180, maxLng + BOX_PAD_DEG), 180)]);
	if ((r1 - r0 + 1) * cols.reduce((n, [c0, , c1]) => n + c1 - c0 + 1, 0) <= MAX_RANGES) {
		for (const step of [1, 4]) {
			const ranges = nestedRanges(r0, fr0, r1, fr1, cols, step);
			if (ranges) return ranges;
		}
	}
	const coarse: KeyRange[] = [];
	for (let r = r0; r <= r1; r++) {
		for (const [c0, , c1] of cols) coarse.push([key(r, c0, 0, 0), upTo(key(r, c1, FINE - 1, FINE - 1))]);
	}
	return coarse.length <= MAX_COARSE_RANGES ? merge(coarse) : undefined;
}

/**
 * Inside each 0.1° cell, one range per row of cells of `step` fine cells (1 = 0.00625°,
 * 4 = 0.025°): cells of one row within one 0.025° cell (step 1), or one row of 0.025°
 * cells (step 4), are consecutive keys. Undefined past MAX_RANGES.
 */
function nestedRanges(r0: number, fr0: number, r1: number, fr1: number, cols: number[][], step: number): KeyRange[] | undefined {
	const ranges: KeyRange[] = [];
	for (let r = r0; r <= r1; r++) {
		const [rowFrom, rowTo] = [r === r0 ? fr0 : 0, r === r1 ? fr1 : FINE - 1];
		for (const [c0, fc0, c1, fc1] of cols) {
			for (let c = c0; c <= c1; c++) {
				const [colFrom, colTo] = [c === c0 ? fc0 : 0, c === c1 ? fc1 : FINE - 1];
				// With step 1 a row of fine cells is contiguous only inside one 0.025° cell.
				const colBlocks = step === 1 ? blocks(colFrom, colTo) : [[colFrom & ~3, colTo | 3]];
				for (let fr = rowFrom - (rowFrom % step); fr <= rowTo; fr += step) {
					for (const [from, to] of colBlocks) {
						ranges.push([key(r, c, fr, from), upTo(key(r, c, fr + step - 1, to))]);
						if (ranges.length > 4 * MAX_RANGES) return undefined;
					}
				}
			}
		}
	}
	const merged = merge(ranges);
	return merged.length <= MAX_RANGES ? merged : undefined;
}

/**
 * The 0.00625° cell of `cell` (a row id shifted right by 31 bits, as SQL can return it without
 * losing bits), padded like the R*Tree's boxes: the migration truncates floats to find the cell,
 * so a point may sit a rounding error outside its exact edges.
 */
export function keyCellBox(cell: number): LatLngBox {
	const coarse = Math.floor(cell / 256);
	const [mid, fine] = [(cell >> 4) & 15, cell & 15];
	const row = Math.floor(coarse / COARSE_COLS);
	const col = coarse - row * COARSE_COLS;
	const fineRow = (mid >> 2) * 4 + (fine >> 2);
	const fineCol = (mid & 3) * 4 + (fine & 3);
	const lat = (row + fineRow / FINE) / 10 - 90;
	const lng = (col + fineCol / FINE) / 10 - 180;
	const side = 0.1 / FINE;
	return {
		minLat: Math.max(-90, lat - BOX_PAD_DEG),
		maxLat: Math.min(90, lat + side + BOX_PAD_DEG),
		minLng: Math.max(-180, lng - BOX_PAD_DEG),
		maxLng: Math.min(180, lng + side + BOX_PAD_DEG)
	};
}

/** The 0.1° row of the grid a key lies in: one row's cells are consecutive keys, column after column. */
const gridRow = (k: bigint) => (k >> (PK_SHIFT + 8n)) / BigInt(COARSE_COLS);

/**
 * Sorted ranges grouped by 0.1° grid row, so FTS5 seeks once per group rather than once per range: a seek
 * costs about as much as reading 250 matches (≈ 40 µs against 0.15 µs per match at 1,000,000 rows), and
 * the keys between a group's ranges stay within the circle's bounding columns of that row.
 */
export function seekGroups(ranges: KeyRange[]): KeyRange[][] {
	const groups: KeyRange[][] = [];
	let row = -1n;
	for (const range of ranges) {
		const at = gridRow(range[0]);
		if (at === row && at === gridRow(range[1])) groups[groups.length - 1].push(range);
		else groups.push([range]);
		row = gridRow(range[1]);
	}
	return groups;
}

/** Splits fine columns `from…to` at 0.025° cell edges. */
function blocks(from: number, to: number): number[][] {
	const out: number[][] = [];
	for (let c = from; c <= to; c = (c | 3) + 1) out.push([c, Math.min(to, c | 3)]);
	return out;
}

/** Sorted, with touching ranges joined (a full fine row runs into the next one). */
function merge(ranges: KeyRange[]): KeyRange[] {
	ranges.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	const out: KeyRange[] = [];
	for (const range of ranges) {
		const last = out[out.length - 1];
		if (last && range[0] <= last[1] + 1n) last[1] = range[1] > last[1] ? range[1] : last[1];
		else out.push([range[0], range[1]]);
	}
	return out;
}
