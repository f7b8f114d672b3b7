/**
 * Per-person write quota per document (API.md "Quotas"): what one person adds
 * to one document within a sliding 24 h, counted in hourly buckets. Updates
 * that only delete are free: they are how a full document is emptied.
 */
import * as decoding from 'lib0/decoding';

const HOUR_MS = 60 * 60 * 1000;
const WINDOW_HOURS = 24;
/** API.md: 4 MiB per person per document per 24 h, unless DOC_WRITE_QUOTA_BYTES says otherwise. */
export const DEFAULT_WRITE_QUOTA_BYTES = 4 * 1024 * 1024;

export interface WriteQuota {
	/** Counts `bytes` written by `userId` to `docId`; false (and nothing counted) when it would pass the quota. */
	charge(docId: string, userId: string, bytes: number, now?: number): boolean;
	/** How many (document, person) pairs are tracked. */
	readonly size: number;
}

/** One person's writes to one document: bytes per hour for the last WINDOW_HOURS hours, in a ring. */
interface Usage {
	/** Slot `hour % WINDOW_HOURS` holds that hour's bytes, for the hours up to `latest`. */
	hours: number[];
	latest: number;
	/** The sum of `hours`. */
	total: number;
}

/** Moves `usage` on to `hour`: the hours that left the window give their bytes back. A clock stepping back moves nothing. */
function advance(usage: Usage, hour: number): void {
	if (hour <= usage.latest) return;
	if (hour - usage.latest >= WINDOW_HOURS) {
		usage.hours.fill(0);
		usage.total = 0;
	} else {
		for (let h = usage.latest + 1; h <= hour; h++) {
			usage.total -= usage.hours[h % WINDOW_HOURS];
			usage.hours[h % WINDOW_HOURS] = 0;
		}
	}
	usage.latest = hour;
}

/**
 * A quota of `limitBytes` per person per document per 24 h. Looked up by document,
 * then by person: the relay passes the same id strings every time, so each lookup
 * hashes nothing new (a joined key was a new string to build and hash per update).
 */
export function createWriteQuota(limitBytes: number): WriteQuota {
	const used = new Map<string, Map<string, Usage>>();
	let pairs = 0;
	let charges = 0;

	function sweep(hour: number): void {
		for (const [docId, people] of used) {
			for (const [userId, usage] of people) {
				if (usage.latest > hour - WINDOW_HOURS) continue;
				people.delete(userId);
				pairs--;
			}
			if (people.size === 0) used.delete(docId);
		}
	}

	return {
		charge(docId, userId, bytes, now = Date.now()) {
			const hour = Math.floor(now / HOUR_MS);
			// Forgotten pairs go at most every 10,000 writes: the map stays bounded by the last day's writers.
			if (++charges % 10_000 === 0) sweep(hour);
			let people = used.get(docId);
			let usage = people?.get(userId);
			if (usage) advance(usage, hour);
			if ((usage?.total ?? 0) + bytes > limitBytes) return false;
			if (!usage) {
				if (!people) used.set(docId, (people = new Map()));
				people.set(userId, (usage = { hours: new Array<number>(WINDOW_HOURS).fill(0), latest: hour, total: 0 }));
				pairs++;
			}
			usage.hours[usage.latest % WINDOW_HOURS] += bytes;
			usage.total += bytes;
			return true;
		},
		get size() {
			return pairs;
		}
	};
}

/** Whether a (v1) Yjs update only deletes: it adds no struct of any client. */
export function onlyDeletes(update: Uint8Array): boolean {
	try {
		return decoding.readVarUint(decoding.createDecoder(update)) === 0;
	} catch {
		return false;
	}
}

let processQuota: WriteQuota | null = null;

/** The process' quota, sized by DOC_WRITE_QUOTA_BYTES (read once). */
export function writeQuota(): WriteQuota {
	if (!processQuota) {
		const configured = Number(process.env.DOC_WRITE_QUOTA_BYTES);
		processQuota = createWriteQuota(Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_WRITE_QUOTA_BYTES);
	}
	return processQuota;
}
