import { describe, expect, it } from 'vitest';
import { nextPath } from './next-path';

describe('nextPath', () => {
	it.each([
		['/join/abcdefabcdefabcdef', '/join/abcdefabcdefabcdef'],
		['/initiatives/x?y=1', '/initiatives/x?y=1'],
		['https://evil.example/', null],
		['//evil.example/', null],
		['/\\evil.example', null],
		['javascript:alert(1)', null],
		['/a\nb', null],
		['', null],
		[null, null]
	])('%j → %j', (input, expected) => {
		expect(nextPath(input)).toBe(expected);
	});
});
