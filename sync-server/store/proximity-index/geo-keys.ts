/**
 * Spatial row ids of the FTS5 table (drizzle/0003): a 0.1° cell, the 0.00625°
 * cell inside it, then `pk`. A circle becomes a few row-id ranges, and FTS5
 * reads a word's matches only inside them, so a common word in a dense city
 * costs the few matches nearby rather than the whole city.
 */
import { radiusBox } from '$lib/domain/geo';
import { BOX_PAD_DEG } from './statements';

/** Columns of 0.1° cells (longitude 0…360 shifted), as in the migration. */
const COARSE_COLS = 3601;
/** Fine cells per coarse cell side. */
const FINE = 16;
const PK_BITS = 31n;
/** The low bits of a row id: the initiative's `pk`. */
export const PK_MASK = 2 ** 31 - 1;
/** Above this many ranges, fine ranges give way to whole 0.1° rows, and those to other plans. */
const MAX_FINE_RANGES = 16;
const MAX_COARSE_RANGES = 48;

export type KeyRange = [lo: bigint, hi: bigint];

/** The 0.1° index and the fine index inside it, computed like the migration's SQL (same float steps). */
function split(deg: number, shift: number): [coarse: number, fine: number] {
	const t = (deg + shift) * 10;
	const coarse = Math.trunc(t);
	return [coarse, Math.trunc((t - coarse) * FINE)];
}

function key(coarseRow: number, coarseCol: number, fineRow: number, fineCol: number): bigint {
	return BigInt(((coarseRow * COARSE_COLS + coarseCol) * FINE + fineRow) * FINE + fineCol) << PK_BITS;
}

/** The last row id of a cell key (every pk). */
const upTo = (k: bigint) => k | BigInt(PK_MASK);

/**
 * Row-id ranges holding every point of the circle's bounding box: per fine row
 * inside each 0.1° cell when few, else per 0.1° row; undefined when even that
 * needs too many (very large circles, the poles).
 */
export function keyRanges(lat: number, lng: number, radiusKm: number): KeyRange[] | undefined {
	const box = radiusBox(lat, lng, radiusKm);
	const [r0, fr0] = split(Math.max(-90, box.minLat - BOX_PAD_DEG), 90);
	const [r1, fr1] = split(Math.min(90, box.maxLat + BOX_PAD_DEG), 90);
	const cols = box.lngRanges.map(([minLng, maxLng]) => [...split(Math.max(-180, minLng - BOX_PAD_DEG), 180), ...split(Math.min(180, maxLng + BOX_PAD_DEG), 180)]);
	const fine: KeyRange[] = [];
	fine: for (let r = r0; r <= r1; r++) {
		const [rowFrom, rowTo] = [r === r0 ? fr0 : 0, r === r1 ? fr1 : FINE - 1];
		for (const [c0, fc0, c1, fc1] of cols) {
			for (let c = c0; c <= c1; c++) {
				const [colFrom, colTo] = [c === c0 ? fc0 : 0, c === c1 ? fc1 : FINE - 1];
				for (let fr = rowFrom; fr <= rowTo; fr++) {
					fine.push([key(r, c, fr, colFrom), upTo(key(r, c, fr, colTo))]);
					if (fine.length > MAX_FINE_RANGES) break fine;
				}
			}
		}
	}
	if (fine.length <= MAX_FINE_RANGES) return merge(fine);
	const coarse: KeyRange[] = [];
	for (let r = r0; r <= r1; r++) {
		for (const [c0, , c1] of cols) coarse.push([key(r, c0, 0, 0), upTo(key(r, c1, FINE - 1, FINE - 1))]);
	}
	return coarse.length <= MAX_COARSE_RANGES ? merge(coarse) : undefined;
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
