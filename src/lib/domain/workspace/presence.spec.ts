import { describe, expect, it } from 'vitest';
import { colorFor, peersFrom } from './presence';

describe('colorFor', () => {
	it('is stable and a hex colour', () => {
		expect(colorFor('user-1')).toBe(colorFor('user-1'));
		expect(colorFor('user-1')).toMatch(/^#[0-9a-f]{6}$/);
	});
});

describe('peersFrom', () => {
	it.each([
		{ name: 'empty', states: [], ids: [] },
		{ name: 'one', states: [{ user: { id: 'a', name: 'Ana', color: '#123456' } }], ids: ['a'] },
		{
			name: 'same person twice',
			states: [{ user: { id: 'a', name: 'Ana' } }, { user: { id: 'a', name: 'Ana' } }],
			ids: ['a']
		},
		{ name: 'no user field', states: [{ cursor: 1 }, { user: { id: 5, name: 'x' } }], ids: [] },
		{
			name: 'sorted by name',
			states: [{ user: { id: 'z', name: 'Zoé' } }, { user: { id: 'b', name: 'Bruno' } }],
			ids: ['b', 'z']
		}
	])('$name', ({ states, ids }) => {
		const map = new Map(states.map((s, i) => [i, s as Record<string, unknown>]));
		expect(peersFrom(map).map((p) => p.id)).toEqual(ids);
	});

	it('replaces an invalid colour', () => {
		const map = new Map([[1, { user: { id: 'a', name: 'A', color: 'red;background:url(x)' } }]]);
		expect(peersFrom(map)[0].color).toBe(colorFor('a'));
	});
});
