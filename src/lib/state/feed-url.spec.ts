import { describe, expect, it } from 'vitest';
import { feedFromQuery, feedQuery } from './feed-url';

const RADII = [2, 5, 10, 25, 50];

describe('feed state in the address', () => {
	it('round-trips a place, radius, category and search', () => {
		const state = { origin: { kind: 'place' as const, lat: 45.764, lng: 4.8357, label: 'Lyon' }, radiusKm: 25, category: 'food' as const, query: 'jardin' };
		const params = feedQuery(state);
		expect(params.toString()).toBe('lat=45.764&lng=4.8357&at=Lyon&km=25&cat=food&q=jardin');
		expect(feedFromQuery(params, RADII)).toEqual(state);
	});

	it('never writes the home coordinates, nor defaults', () => {
		expect(feedQuery({ origin: { kind: 'home', lat: 45.1, lng: 4.2 }, radiusKm: 10, category: '', query: ' ' }).toString()).toBe('');
	});

	it.each([
		['lat=95&lng=4', {}],
		['lat=45&lng=abc', {}],
		['km=7', {}],
		['cat=weapons', {}],
		['km=50&cat=culture', { radiusKm: 50, category: 'culture' }]
	])('%s reads as %j', (query, expected) => {
		expect(feedFromQuery(new URLSearchParams(query), RADII)).toEqual(expected);
	});
});
