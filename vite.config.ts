import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin, type ViteDevServer } from 'vite';
import { Server, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * adapter-node's handler has no upgrade hook, so sync-server/main.ts owns
 * WebSocket upgrades in production. In `npm run dev` the same handler is
 * attached to vite's own HTTP server, loaded through vite so it shares the
 * app's modules ($lib, $store) and reloads with them. Notifications (activity
 * from domain events, the digest job) start there too, as main.ts starts them,
 * once the server listens, and stop when it closes (vite restarts it on a config
 * change): startNotifications keeps its handle on globalThis, so a module reload
 * never starts a second job or a second set of listeners.
 */
function koheroSyncInDev(): Plugin {
	return {
		name: 'kohero-sync-in-dev',
		configureServer(server: ViteDevServer) {
			const http = server.httpServer instanceof Server ? server.httpServer : undefined;
			http?.once('listening', () => {
				server
					.ssrLoadModule('/src/lib/server/notify/start.ts')
					.then((mod) => http.once('close', mod.startNotifications(http)))
					.catch((err: unknown) => server.config.logger.error(`notifications did not start: ${String(err)}`));
			});
			// /metrics is served by main.ts in production, before SvelteKit; same here.
			server.middlewares.use((req, res, next) => {
				if (!req.url?.startsWith('/metrics')) return next();
				server
					.ssrLoadModule('/sync-server/metrics-route.ts')
					.then((mod) => {
						if (!mod.serveMetrics(req, res)) next();
					})
					.catch(next);
			});
			server.httpServer?.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
				if (!req.url?.startsWith('/sync')) return; // vite's HMR socket
				server
					.ssrLoadModule('/sync-server/upgrade.ts')
					.then((mod) => mod.syncUpgrade().handleUpgrade(req, socket, head))
					.catch((err: unknown) => {
						server.config.logger.error(`sync upgrade failed: ${String(err)}`);
						socket.destroy();
					});
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), koheroSyncInDev()],
	build: { target: 'es2022' },
	worker: { format: 'es' }
});
