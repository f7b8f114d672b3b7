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

/** A quota of `limitBytes` per person per document per 24 h. */
export function createWriteQuota(limitBytes: number): WriteQuota {
	/** Key: docId + NUL + userId → bytes per hour number. */
	const used = new Map<string, Map<number, number>>();
	let charges = 0;

	function sweep(hour: number): void {
		for (const [key, hours] of used) {
			for (const h of hours.keys()) if (h <= hour - WINDOW_HOURS) hours.delete(h);
			if (hours.size === 0) used.delete(key);
		}
	}

	return {
		charge(docId, userId, bytes, now = Date.now()) {
			const hour = Math.floor(now / HOUR_MS);
			// Forgotten pairs go at most every 10,000 writes: the map stays bounded by the last day's writers.
			if (++charges % 10_000 === 0) sweep(hour);
			const key = `${docId}\0${userId}`;
			let hours = used.get(key);
			let total = 0;
			if (hours) {
				for (const [h, b] of hours) {
					if (h <= hour - WINDOW_HOURS) hours.delete(h);
					else total += b;
				}
			}
			if (total + bytes > limitBytes) return false;
			if (!hours) used.set(key, (hours = new Map()));
			hours.set(hour, (hours.get(hour) ?? 0) + bytes);
			return true;
		},
		get size() {
			return used.size;
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
