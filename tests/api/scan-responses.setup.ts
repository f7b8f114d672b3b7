/**
 * Setup file of the integration project: every response any API or relay test
 * receives through the test Client is scanned, and the file fails if one
 * leaked a home coordinate, a password hash or a session token.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { ResponseScanner } from './response-scanner';

const scanner = new ResponseScanner();
beforeAll(() => scanner.start());
afterAll(() => {
	scanner.stop();
	expect(scanner.leaks()).toEqual([]);
});
