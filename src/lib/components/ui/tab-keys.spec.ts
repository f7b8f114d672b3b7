import { describe, expect, it } from 'vitest';
import { tabIndexForKey } from './tab-keys';

describe('tabIndexForKey', () => {
	it.each([
		['ArrowRight', 0, 4, 1],
		['ArrowRight', 3, 4, 0],
		['ArrowLeft', 0, 4, 3],
		['ArrowLeft', 2, 4, 1],
		['Home', 2, 4, 0],
		['End', 1, 4, 3],
		['ArrowRight', 1, 2, 0],
		['Enter', 1, 4, null],
		['ArrowDown', 1, 4, null]
	])('%s from tab %i of %i → %s', (key, index, count, expected) => {
		expect(tabIndexForKey(key, index, count)).toBe(expected);
	});
});
