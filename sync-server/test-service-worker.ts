/**
 * Test-only: when KOHERO_TEST_SW_SUFFIX_FILE is set, /service-worker.js is the
 * built worker followed by that file's current content, so an end-to-end test
 * can "deploy" a new version (write the file) without rebuilding. Off in production.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Middleware = (req: IncomingMessage, res: ServerResponse) => boolean;

export function testServiceWorker(workerFile: URL): Middleware | null {
	const suffixFile = process.env.KOHERO_TEST_SW_SUFFIX_FILE;
	if (!suffixFile) return null;
	return (req, res) => {
		if (req.method !== 'GET' || req.url?.split('?')[0] !== '/service-worker.js') return false;
		const suffix = existsSync(suffixFile) ? readFileSync(suffixFile, 'utf8') : '';
		res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
		res.end(readFileSync(workerFile, 'utf8') + '\n' + suffix);
		return true;
	};
}
