import { describe, expect, it } from 'vitest';
import { isPersonalApiRead, isTileRequest, isUncached, RUNTIME_CACHES, mayServeStale } from './routes';

const u = (path: string, origin = 'https://kohero.fr') => new URL(path, origin);

describe('service worker routes', () => {
	it.each([
		['/api/auth/login', true],
		['/api/auth/logout', true],
		['/sync/abcdefgh', true],
		['/sync', true],
		['/api/me', false],
		['/initiatives/abcdefgh', false]
	])('%s uncached: %s', (path, expected) => expect(isUncached(u(path))).toBe(expected));

	it.each([
		['/api/me', true],
		['/api/me/initiatives', true],
		['/api/initiatives/near?lat=45&lng=4', true],
		['/api/initiatives/abcdefgh', true],
		['/api/initiatives/abcdefgh/members', true],
		['/api/initiatives.geojson?bbox=1,2,3,4', true],
		['/api/people/near?lat=1&lng=2', true],
		['/api/auth/login', false],
		['/api/initiatives', false]
	])('%s is an API read kept offline: %s', (path, expected) => expect(isPersonalApiRead(u(path))).toBe(expected));

	it('caches tiles from the tile origin and our own basemap data', () => {
		expect(isTileRequest(u('/tiles/5/16/11.pbf', 'https://tiles.example'), 'https://kohero.fr', '')).toBe(true);
		expect(isTileRequest(u('/data/basemap.json'), 'https://kohero.fr', '')).toBe(true);
		expect(isTileRequest(u('/api/me'), 'https://kohero.fr', '')).toBe(false);
	});

	it('drops page caches of other versions only', () => {
		expect(RUNTIME_CACHES.isOutdated(RUNTIME_CACHES.pages('1'), '2')).toBe(true);
		expect(RUNTIME_CACHES.isOutdated(RUNTIME_CACHES.pages('2'), '2')).toBe(false);
		expect(RUNTIME_CACHES.isOutdated(RUNTIME_CACHES.tiles, '2')).toBe(false);
		expect(RUNTIME_CACHES.isPersonal(RUNTIME_CACHES.api)).toBe(true);
		expect(RUNTIME_CACHES.isPersonal(RUNTIME_CACHES.tiles)).toBe(false);
	});
});

describe('mayServeStale', () => {
	it.each([
		['/api/initiatives/near', true],
		['/api/initiatives.geojson', true],
		['/api/people/near', true],
		['/api/me', false],
		['/api/me/initiatives', false],
		['/api/initiatives/abcdefgh12', false],
		['/api/initiatives/abcdefgh12/members', false]
	])('%s → %s', (path, stale) => expect(mayServeStale(new URL(path, 'https://kohero.test'))).toBe(stale));
});

describe('shell cache', () => {
	it('is per version, personal, and outdated with its version', () => {
		const name = RUNTIME_CACHES.shell('v2');
		expect(RUNTIME_CACHES.isPersonal(name)).toBe(true);
		expect(RUNTIME_CACHES.isOutdated(name, 'v2')).toBe(false);
		expect(RUNTIME_CACHES.isOutdated(RUNTIME_CACHES.shell('v1'), 'v2')).toBe(true);
	});
});
