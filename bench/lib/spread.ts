/** Median and spread of repeated measurements (never a best-of). */
export interface Spread {
	median: number;
	min: number;
	max: number;
}

/** The nearest-rank `p`th percentile (0–100) of `sorted` (ascending); NaN when it is empty. */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The median, min and max of `values`. */
export function spreadOf(values: number[]): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { median: Math.round(median * 100) / 100, min: sorted[0], max: sorted[sorted.length - 1] };
}
