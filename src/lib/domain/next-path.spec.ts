import { describe, expect, it } from 'vitest';
import { afterAuthRequest, initiativeIdOf, joinLink, safeNextPath } from './next-path';

describe('safeNextPath', () => {
	it.each([
		['/initiatives/abcdefgh', '/initiatives/abcdefgh'],
		['/map?x=1#top', '/map?x=1#top'],
		['/a/../b', '/b']
	])('keeps the same-site path %s', (input, expected) => expect(safeNextPath(input)).toBe(expected));

	it('refuses what would leave the site', () => {
		for (const bad of [null, '', 'initiatives/x', '/x\\y', '//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/\tx', 'x']) {
			expect(safeNextPath(bad)).toBeNull();
		}
	});
});

describe('initiativeIdOf and joinLink', () => {
	it('finds the initiative of a next path', () => {
		expect(initiativeIdOf('/initiatives/abcdefgh12')).toBe('abcdefgh12');
		expect(initiativeIdOf('/initiatives/abcdefgh12/edit')).toBeNull();
		expect(initiativeIdOf('/map')).toBeNull();
		expect(initiativeIdOf(null)).toBeNull();
	});
	it('builds a link that round-trips', () => {
		const link = new URL(joinLink('/signup', 'abcdefgh12'), 'http://x');
		expect(link.pathname).toBe('/signup');
		expect(safeNextPath(link.searchParams.get('next'))).toBe('/initiatives/abcdefgh12');
		expect(link.searchParams.get('join')).toBe('1');
	});
});

describe('afterAuthRequest', () => {
	it('joins only with join=1 and a same-site initiative path', () => {
		expect(afterAuthRequest(new URLSearchParams('next=/initiatives/abcdefgh12&join=1'))).toEqual({ next: '/initiatives/abcdefgh12', joinId: 'abcdefgh12' });
		expect(afterAuthRequest(new URLSearchParams('next=/initiatives/abcdefgh12'))).toEqual({ next: '/initiatives/abcdefgh12', joinId: null });
		expect(afterAuthRequest(new URLSearchParams('next=/map&join=1'))).toEqual({ next: '/map', joinId: null });
		expect(afterAuthRequest(new URLSearchParams('next=//evil.example/initiatives/abcdefgh12&join=1'))).toEqual({ next: null, joinId: null });
	});
});
