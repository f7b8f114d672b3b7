/** API.md: /sync refuses an upgrade from another site's page (403); same origin and no Origin are allowed. */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createInitiative, useRelayServer } from './helpers';

const relay = useRelayServer(['owner'] as const);

/** The HTTP status of a refused upgrade, or 101 once the socket opened. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers });
		ws.once('open', () => {
			ws.close();
			resolve(101);
		});
		ws.once('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			ws.terminate();
		});
		ws.once('error', (err) => reject(err));
	});
}

describe('/sync Origin check', () => {
	it.each([
		['another site', 'https://evil.example', 403],
		['a look-alike host', 'http://127.0.0.1.evil.example', 403],
		['an opaque origin', 'null', 403],
		['the site itself', 'SELF', 101],
		['no Origin (non-browser client)', null, 101]
	] as const)('%s → %s', async (_name, origin, status) => {
		const { server, members } = relay;
		const docId = createInitiative(server, members.owner);
		const headers: Record<string, string> = { cookie: members.owner.cookie };
		if (origin !== null) headers.origin = origin === 'SELF' ? server.url : origin;
		expect(await upgradeStatus(`${server.wsUrl}/sync/${docId}`, headers)).toBe(status);
	});
});
