/**
 * Kohero's single production process: the SvelteKit app (pages + API),
 * `/healthz`, `/metrics` (loopback only), and the `/sync/:docId` WebSocket relay, over one SQLite store.
 */
import { createServer } from 'node:http';
import { testServiceWorker } from './test-service-worker';
import type { AddressInfo } from 'node:net';
import { closeStore, openStore } from '$store/db';
import { log } from '$lib/log';
import { syncUpgrade } from './upgrade';
import { serveMetrics } from './metrics-route';
import { countHttpRequest, startSampling } from './ops/prometheus';
import { startNotifications } from '$lib/server/notify/start';
import { startReportRetention } from './jobs/report-retention';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const SHUTDOWN_DEADLINE_MS = 4500;

openStore();
// adapter-node assumes https when neither ORIGIN nor PROTOCOL_HEADER is set, which
// would mark cookies Secure on plain http and fail same-origin checks. Tell it the
// real scheme of each connection through a header only this process sets.
const OWN_PROTOCOL_HEADER = 'x-kohero-connection-proto';
const useOwnProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (useOwnProtocol) process.env.PROTOCOL_HEADER = OWN_PROTOCOL_HEADER;
// build/handler.js sits beside this bundle (build/server.js).
const handlerUrl = new URL('./handler.js', import.meta.url).href;
const { handler } = (await import(handlerUrl)) as {
	handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
};

startSampling();
startReportRetention();
const serveTestWorker = testServiceWorker(new URL('./client/service-worker.js', import.meta.url));
const server = createServer((req, res) => {
	res.once('finish', () => countHttpRequest(req.method, res.statusCode));
	if (serveTestWorker?.(req, res)) return;
	if (serveMetrics(req, res)) return;
	if (useOwnProtocol) {
		req.headers[OWN_PROTOCOL_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	}
	handler(req, res);
});
const sync = syncUpgrade();
startNotifications(server);
server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head));

server.listen(port, host, () => {
	const address = server.address() as AddressInfo;
	// Tests bind port 0 and read the real port from this line.
	log.info('listening', { port: address.port, host, url: `http://localhost:${address.port}` });
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	log.info('stopping', { signal });
	const force = setTimeout(() => {
		log.error('shutdown_timeout');
		process.exit(1);
	}, SHUTDOWN_DEADLINE_MS);
	force.unref();
	server.close();
	try {
		await sync.close();
	} catch (err) {
		log.error('sync_close_failed', { error: String(err) });
	}
	server.closeAllConnections();
	closeStore();
	log.info('stopped');
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
