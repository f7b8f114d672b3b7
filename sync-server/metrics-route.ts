/**
 * `GET /metrics`: the relay's gauges and counters for an operator on this
 * host. Answered only to loopback connections that did not come through a
 * proxy (none of X-Forwarded-For, X-Real-IP, Forwarded): the figures say how busy documents are.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderMetrics } from './ops/prometheus';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Headers a reverse proxy adds: their presence means the request came from elsewhere. */
const PROXY_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded'];

/** Serves `/metrics` and returns true, or returns false for any other request. */
export function serveMetrics(req: IncomingMessage, res: ServerResponse): boolean {
	const [path, query = ''] = (req.url ?? '').split('?');
	if (req.method !== 'GET' || path !== '/metrics') return false;
	if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || PROXY_HEADERS.some((name) => req.headers[name] !== undefined)) {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found');
		return true;
	}
	// `?gc=1` settles the heap first when the process runs with --expose-gc (leak tests).
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc && new URLSearchParams(query).get('gc') === '1') gc();
	res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
	res.end(renderMetrics());
	return true;
}
