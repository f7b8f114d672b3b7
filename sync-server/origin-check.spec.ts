import { describe, expect, it } from 'vitest';
import { isSameSiteOrigin } from './origin-check';

describe('isSameSiteOrigin', () => {
	it.each([
		['no Origin (non-browser client)', undefined, 'kohero.fr', undefined, true],
		['empty Origin', '', 'kohero.fr', undefined, true],
		['same host', 'https://kohero.fr', 'kohero.fr', undefined, true],
		['same host and port', 'http://127.0.0.1:4173', '127.0.0.1:4173', undefined, true],
		['Host header in capitals', 'https://kohero.fr', 'Kohero.FR', undefined, true],
		['other site', 'https://evil.example', 'kohero.fr', undefined, false],
		['other port', 'http://127.0.0.1:9999', '127.0.0.1:4173', undefined, false],
		['look-alike suffix', 'https://kohero.fr.evil.example', 'kohero.fr', undefined, false],
		['opaque origin', 'null', 'kohero.fr', undefined, false],
		['not a web origin', 'file:///etc/passwd', 'kohero.fr', undefined, false],
		['no Host to compare with', 'https://kohero.fr', undefined, undefined, false],
		['ORIGIN configured and matching', 'https://kohero.fr', 'internal:3000', 'https://kohero.fr', true],
		['ORIGIN configured, Host would match', 'http://internal:3000', 'internal:3000', 'https://kohero.fr', false],
		['ORIGIN configured, other site', 'https://evil.example', 'kohero.fr', 'https://kohero.fr', false]
	] as const)('%s', (_name, origin, host, configured, allowed) => {
		expect(isSameSiteOrigin(origin, host, configured)).toBe(allowed);
	});
});
