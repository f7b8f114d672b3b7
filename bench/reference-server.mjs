// The reference relay for benchmarks: @y/websocket-server 0.1.1's
// setupWSConnection on port 0, in memory (no YPERSISTENCE), no auth.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, req) => setupWSConnection(ws, req, { gc: true }));
server.on('upgrade', (req, socket, head) => {
	// Same URL shape as ours: /sync/<docId>; the reference takes the room from the path.
	req.url = req.url.replace(/^\/sync/, '');
	wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(0, '127.0.0.1', () => {
	console.log(JSON.stringify({ event: 'listening', port: server.address().port }));
});
process.on('SIGTERM', () => process.exit(0));
