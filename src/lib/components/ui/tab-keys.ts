/**
 * The WAI-ARIA tabs pattern's keys: ←/→ move to the previous/next tab (wrapping),
 * Home/End to the first/last. Returns the index to select, or null for other keys.
 */
export function tabIndexForKey(key: string, index: number, count: number): number | null {
	const last = count - 1;
	if (key === 'ArrowRight') return index === last ? 0 : index + 1;
	if (key === 'ArrowLeft') return index === 0 ? last : index - 1;
	if (key === 'Home') return 0;
	if (key === 'End') return last;
	return null;
}
